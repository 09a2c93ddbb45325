package io.xgate.bench.ike;

import java.io.IOException;

/** A DUT of {@code xgate bench ike-setup}: an IKEv2 responder running in its own namespace. */
interface IkeResponder extends AutoCloseable {

    /** {@code xgate} or {@code strongswan}. */
    String name();

    /** The address the initiator negotiates with, on the responder's link. */
    String address();

    /** IKE SAs established with their first child SA installed, as the responder itself reports them. */
    int establishedSas() throws IOException;

    /** The memory the responder holds now, as comparable from one call to the next as it can tell. */
    long memoryBytes() throws IOException;

    /** The process's CPU time so far (all threads). */
    long cpuNanos() throws IOException;

    /** What {@link #memoryBytes} measures, for the report. */
    String memoryMeasure();

    /** Stops the responder's processes by PID. */
    @Override
    void close();
}

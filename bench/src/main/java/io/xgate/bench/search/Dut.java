package io.xgate.bench.search;

import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrialResult;
import java.time.Duration;

/**
 * A device under test as the searches see it: offer a rate of frames of some sizes for a while, get back
 * what arrived. The AF_XDP generator and sink around a network path ({@code io.xgate.bench.dut}) are one
 * implementation; tests use a synthetic one. Opening a DUT sets it up (namespaces, gateways, peers) and
 * {@link #close()} removes all of it.
 */
public interface Dut extends AutoCloseable {
    /** What the reports call it, e.g. {@code loopback} or {@code xgate-forward}. */
    String name();

    TrialResult runTrial(double ratePps, FrameSizes sizes, Duration duration);

    @Override
    void close();
}

package io.xgate.dataplane.worker;

/**
 * An echo reply to one of the tunnel monitor's probes (ICMP identifier = tunnel id), recognised by the worker after
 * decapsulation. The worker calls it through its {@link ProbeReplyPublisher} (onto the events ring); the control
 * plane's monitor implements it to read the ring.
 */
@FunctionalInterface
public interface ProbeReplyListener {
    ProbeReplyListener NONE = (tunnelId, sequence, receivedNanos) -> { };

    /** @param receivedNanos {@link System#nanoTime()} on the worker when the reply was decapsulated */
    void onProbeReply(int tunnelId, int sequence, long receivedNanos);
}

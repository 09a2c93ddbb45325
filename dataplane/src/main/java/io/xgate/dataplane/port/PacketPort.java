package io.xgate.dataplane.port;

/**
 * A network port as a worker sees it: batches of received frames in, batches to transmit out, all frames in
 * the worker's {@link FrameMemory}. Implemented over AF_XDP sockets and, for tests and the demo, in memory.
 */
public interface PacketPort {
    int id();

    String name();

    /** The port's MAC address in the low 48 bits. */
    long macAddress();

    /** Appends received frames to {@code batch} until it is full or nothing is waiting; returns how many. */
    int receive(FrameBatch batch);

    /**
     * Sends every frame of {@code batch}; frames the port cannot take (ring full) it recycles itself.
     *
     * @return how many frames were queued for transmission
     */
    int transmit(FrameBatch batch);

    /** Gives back a received frame that will not be transmitted (dropped or consumed). */
    void recycle(long address);

    /**
     * The port's own upkeep, run by the worker every duty cycle after the batch: take back transmitted frames,
     * lend free ones to the receive side, nudge the kernel. Returns the amount of work done (0 when idle).
     * Ports whose transmit and recycle already return every frame have none.
     */
    default int housekeeping() {
        return 0;
    }
}

package io.xgate.dataplane.worker;

import java.lang.foreign.MemorySegment;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * One worker's ends of the handoff rings of a {@link HandoffMesh}: a ring to each other worker, for packets whose
 * SA that worker owns, and a ring from each, drained in the duty cycle. {@link #SOLO} is a lone worker's: it owns
 * every SA and never hands anything over.
 */
public final class WorkerHandoffs {
    public static final WorkerHandoffs SOLO = new WorkerHandoffs(0, new HandoffRing[1], new HandoffRing[0], null, null);

    private final int self;
    private final HandoffRing[] to;
    private final HandoffRing[] from;
    private final AtomicCounter handedOff;
    private final AtomicCounter takenOver;

    /**
     * @param to   indexed by worker, null at {@code self}
     * @param from the rings other workers fill for this one
     */
    WorkerHandoffs(final int self, final HandoffRing[] to, final HandoffRing[] from, final AtomicCounter handedOff,
                   final AtomicCounter takenOver) {
        this.self = self;
        this.to = to;
        this.from = from;
        this.handedOff = handedOff;
        this.takenOver = takenOver;
    }

    public int self() {
        return self;
    }

    public int workers() {
        return to.length;
    }

    /** Whether tunnel {@code tunnelId}'s SAs live on another worker. */
    boolean foreign(final int tunnelId) {
        return to.length > 1 && SaOwners.ofTunnel(tunnelId, to.length) != self;
    }

    int ownerOf(final int tunnelId) {
        return SaOwners.ofTunnel(tunnelId, to.length);
    }

    /** Copies the packet into the ring to {@code owner}; false (nothing counted here) when it is full. */
    boolean handOff(final int owner, final int entry, final int port, final int virtualRouter,
                    final MemorySegment frames, final long offset, final int length) {
        if (!to[owner].offer(entry, port, virtualRouter, frames, offset, length)) {
            return false;
        }
        handedOff.incrementRelease();
        return true;
    }

    /** Delivers up to {@code limit} packets from each other worker to {@code receiver}; returns how many. */
    int drain(final HandoffRing.Receiver receiver, final int limit) {
        int taken = 0;
        for (final HandoffRing ring : from) {
            taken += ring.drain(receiver, limit);
        }
        if (taken > 0) {
            takenOver.getAndAddRelease(taken);
        }
        return taken;
    }

    /** Packets this worker handed to the owners of their SAs. */
    public long handedOff() {
        return handedOff == null ? 0 : handedOff.get();
    }

    /** Packets this worker took over from the others. */
    public long takenOver() {
        return takenOver == null ? 0 : takenOver.get();
    }
}

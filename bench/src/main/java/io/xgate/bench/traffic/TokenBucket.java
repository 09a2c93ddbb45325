package io.xgate.bench.traffic;

/**
 * Paces a sender at a fixed rate on a nanosecond clock: frames become due at {@code rate × elapsed}, and a
 * sender that fell behind (descheduled, TX ring full) is forgiven all but {@code burst} of the backlog, so it
 * never makes up for lost time with a burst the DUT would not see at a steady rate. Plain arithmetic, no
 * allocation: called on every turn of the generator's loop.
 */
final class TokenBucket {
    private final double perNano;
    private final long burst;
    private long start;
    private long credited;

    TokenBucket(final double ratePps, final long burst) {
        if (!(ratePps > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePps);
        }
        this.perNano = ratePps / 1e9;
        this.burst = burst;
    }

    void start(final long nanoTime) {
        start = nanoTime;
        credited = 0;
    }

    /** How many frames, at most {@code max}, are due at {@code nanoTime}; take them with {@link #take}. */
    int due(final long nanoTime, final int max) {
        long owed = (long) ((nanoTime - start) * perNano) - credited;
        if (owed > burst) {
            credited += owed - burst;
            owed = burst;
        }
        return (int) Math.min(owed, max);
    }

    void take(final int n) {
        credited += n;
    }
}

package io.xgate.bench.traffic;

/** Told about a running trial about once a second, from the thread that waits for it. */
@FunctionalInterface
public interface TrialProgress {
    TrialProgress NONE = (offeredPps, sent, received, elapsedNs, durationNs) -> { };

    void update(double offeredPps, long sent, long received, long elapsedNs, long durationNs);
}

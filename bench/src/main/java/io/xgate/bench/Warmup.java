package io.xgate.bench;

import io.xgate.bench.search.Dut;
import io.xgate.bench.traffic.FrameSizes;
import java.time.Duration;

/**
 * One short, discarded trial before the measured ones, so the JIT has compiled the generator's, the sink's
 * and the DUT's loops before they are timed (on two vCPUs the compiler threads compete with the spinners).
 */
final class Warmup {
    private static final double RATE_PPS = 50_000;
    private static final Duration DURATION = Duration.ofSeconds(1);

    private Warmup() {
    }

    static void run(final Dut dut, final FrameSizes sizes) {
        dut.runTrial(RATE_PPS, sizes, DURATION);
    }
}

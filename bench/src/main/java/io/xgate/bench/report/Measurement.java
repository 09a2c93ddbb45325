package io.xgate.bench.report;

/**
 * One JMH benchmark result reduced to what the table shows.
 *
 * @param op          the benchmark method: seal, open, encap, decap, pipeline
 * @param suite       the {@code suite} parameter
 * @param size        the {@code size} parameter, inner IP packet bytes
 * @param opsPerSecond median of the measured iterations
 * @param bytesPerOp  median {@code gc.alloc.rate.norm}, or NaN when the run had no gc profiler
 */
public record Measurement(String op, String suite, int size, double opsPerSecond, double bytesPerOp) {
}

package io.xgate.bench.report;

import org.HdrHistogram.Histogram;

/** One latency histogram (nanoseconds) and what to call it in tables and plots, e.g. "loopback 50% NDR". */
public record LatencyRun(String label, double ratePps, Histogram latency) {
}

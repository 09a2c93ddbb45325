package io.xgate.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the results file JMH writes with {@code -rf json}. */
public final class JmhJson {
    private static final String MEDIAN = "50.0";
    /** JMH prefixes secondary metrics with a middle dot; matching the end survives either spelling. */
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    private JmhJson() {
    }

    public static List<Measurement> read(final InputStream json) throws IOException {
        final List<Measurement> out = new ArrayList<>();
        for (final JsonNode run : new ObjectMapper().readTree(json)) {
            final String benchmark = run.path("benchmark").asText();
            final JsonNode params = run.path("params");
            // The pipeline over several workers (every packet handed over) is an op of its own: pipeline-2w.
            final int workers = params.path("workers").asInt(1);
            out.add(new Measurement(benchmark.substring(benchmark.lastIndexOf('.') + 1)
                    + (workers > 1 ? "-" + workers + "w" : ""), params.path("suite").asText(),
                    params.path("size").asInt(),
                    median(run.path("primaryMetric")), allocation(run.path("secondaryMetrics"))));
        }
        return out;
    }

    private static double allocation(final JsonNode secondary) {
        for (final var field : secondary.properties()) {
            if (field.getKey().endsWith(ALLOC_NORM)) {
                return median(field.getValue());
            }
        }
        return Double.NaN;
    }

    private static double median(final JsonNode metric) {
        final JsonNode median = metric.path("scorePercentiles").path(MEDIAN);
        return median.isNumber() ? median.asDouble() : metric.path("score").asDouble();
    }
}

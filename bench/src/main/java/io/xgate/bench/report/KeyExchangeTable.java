package io.xgate.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The IKE key exchange rows of a JMH results file: per group, the JDK and libcrypto side by side. */
public final class KeyExchangeTable {
    private static final String BENCHMARK = "KeyExchangeBenchmark.keyExchange";
    private static final String MEDIAN = "50.0";

    private KeyExchangeTable() {
    }

    /** A markdown table, or the empty string when the file has no key exchange results. */
    public static String format(final InputStream json) throws IOException {
        final Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
        for (final JsonNode run : new ObjectMapper().readTree(json)) {
            if (!run.path("benchmark").asText().endsWith(BENCHMARK)) {
                continue;
            }
            final JsonNode metric = run.path("primaryMetric");
            final JsonNode median = metric.path("scorePercentiles").path(MEDIAN);
            byGroup.computeIfAbsent(run.path("params").path("group").asText(), g -> new LinkedHashMap<>())
                .put(run.path("params").path("library").asText(),
                    median.isNumber() ? median.asDouble() : metric.path("score").asDouble());
        }
        if (byGroup.isEmpty()) {
            return "";
        }
        final StringBuilder out = new StringBuilder();
        out.append("| IKE group: keygen + agreement | JDK | libcrypto | libcrypto vs JDK |\n");
        out.append("|---|---:|---:|---:|\n");
        for (final Map.Entry<String, Map<String, Double>> g : byGroup.entrySet()) {
            final Double jdk = g.getValue().get("jdk");
            final Double libCrypto = g.getValue().get("libcrypto");
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |\n", g.getKey(), cell(jdk), cell(libCrypto),
                jdk == null || libCrypto == null ? "" : String.format(Locale.ROOT, "%.1fx", libCrypto / jdk)));
        }
        return out.toString();
    }

    private static String cell(final Double opsPerSecond) {
        return opsPerSecond == null ? "-"
            : String.format(Locale.ROOT, "%.0f/s (%.0f µs)", opsPerSecond, 1e6 / opsPerSecond);
    }
}

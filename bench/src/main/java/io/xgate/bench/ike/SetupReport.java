package io.xgate.bench.ike;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of {@code xgate bench ike-setup}: every run, per DUT the median setup rate of the measured runs (the
 * first run of each DUT warms up and measures memory, and is left out of the median), its ratio to the baseline
 * DUT ({@code strongswan} when it ran, else the first), the CPU time per SA of responder and initiator
 * (independent of how much CPU the machine's load left them; on two vCPUs their sum bounds the rate) and memory
 * per SA; as a Markdown table and as JSON.
 */
record SetupReport(int sas, int window, Map<String, String> memoryMeasures, List<SetupRun> runs) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String BASELINE = "strongswan";

    SetupReport {
        memoryMeasures = Map.copyOf(memoryMeasures);
        runs = List.copyOf(runs);
    }

    List<String> duts() {
        return runs.stream().map(SetupRun::dut).distinct().toList();
    }

    String baseline() {
        return duts().contains(BASELINE) ? BASELINE : duts().getFirst();
    }

    List<SetupRun> measured(final String dut) {
        return runs.stream().filter(r -> r.dut().equals(dut) && r.run() > 0).toList();
    }

    /** The median setup rate of the DUT's measured runs (the mean of the middle two for an even count); 0 without. */
    double medianRate(final String dut) {
        return median(measured(dut).stream().map(SetupRun::setupsPerSecond).toList());
    }

    /** The median of the DUT's measured runs' responder CPU time per SA, in ms. */
    double medianCpuMillis(final String dut) {
        return median(measured(dut).stream().map(SetupRun::cpuMillisPerSa).toList());
    }

    /** The median of the bench's (the initiator's) CPU time per SA in the DUT's measured runs, in ms. */
    double medianInitiatorCpuMillis(final String dut) {
        return median(measured(dut).stream().map(SetupRun::initiatorCpuMillisPerSa).toList());
    }

    private static double median(final List<Double> values) {
        final List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        final int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double ratio(final String dut) {
        final double base = medianRate(baseline());
        return base == 0 ? 0 : medianRate(dut) / base;
    }

    /** Bytes per IKE SA with its child SA, from the DUT's first run; NaN when that run did not measure it. */
    double memoryPerSa(final String dut) {
        return runs.stream().filter(r -> r.dut().equals(dut) && r.measuresMemory()).findFirst()
                .map(SetupRun::memoryPerSa).orElse(Double.NaN);
    }

    String table() {
        final List<String> lines = new ArrayList<>();
        lines.add("| DUT | setups/s, each run | median setups/s | vs " + baseline() + " | CPU per SA: responder "
                + "| CPU per SA: initiator | memory per IKE+child SA |");
        lines.add("|---|---|---:|---:|---:|---:|---|");
        for (final String dut : duts()) {
            final String each = measured(dut).stream().map(r -> String.format(Locale.ROOT, "%.0f", r.setupsPerSecond()))
                    .collect(Collectors.joining(", "));
            final double memory = memoryPerSa(dut);
            lines.add(String.format(Locale.ROOT, "| %s | %s | **%.0f** | %.2fx | %.2f ms | %.2f ms | %s |", dut, each,
                    medianRate(dut), ratio(dut), medianCpuMillis(dut), medianInitiatorCpuMillis(dut),
                    Double.isNaN(memory) ? "-" : String.format(Locale.ROOT, "%.1f KiB (%s)", memory / 1024,
                            memoryMeasures.getOrDefault(dut, "?"))));
        }
        return String.join("\n", lines) + "\n";
    }

    ObjectNode json() {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("test", "ike-setup");
        root.put("sasPerMeasuredRun", sas);
        root.put("window", window);
        root.put("baseline", baseline());
        final ArrayNode duts = root.putArray("duts");
        for (final String dut : duts()) {
            final ObjectNode d = duts.addObject();
            d.put("name", dut);
            d.put("medianSetupsPerSecond", medianRate(dut));
            d.put("ratioToBaseline", ratio(dut));
            d.put("medianResponderCpuMillisPerSa", medianCpuMillis(dut));
            d.put("medianInitiatorCpuMillisPerSa", medianInitiatorCpuMillis(dut));
            final double memory = memoryPerSa(dut);
            if (!Double.isNaN(memory)) {
                d.put("memoryPerSaBytes", memory);
            }
            d.put("memoryMeasure", memoryMeasures.getOrDefault(dut, ""));
        }
        final ArrayNode all = root.putArray("runs");
        for (final SetupRun r : runs) {
            final ObjectNode n = all.addObject();
            n.put("dut", r.dut());
            n.put("run", r.run());
            n.put("warmUp", r.run() == 0);
            n.put("sas", r.sas());
            n.put("established", r.established());
            n.put("failed", r.failed());
            n.put("seconds", r.seconds());
            n.put("setupsPerSecond", r.setupsPerSecond());
            n.put("responderSas", r.responderSas());
            n.put("responderCpuSeconds", r.responderCpuSeconds());
            n.put("initiatorCpuSeconds", r.initiatorCpuSeconds());
            if (r.measuresMemory()) {
                n.put("memoryBeforeBytes", r.memoryBefore());
                n.put("memoryAfterBytes", r.memoryAfter());
            }
            if (r.firstFailure() != null) {
                n.put("firstFailure", r.firstFailure());
            }
        }
        return root;
    }

    void writeJson(final Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), json());
    }

    /** Per DUT, what its memory figure is (for the table's footnote). */
    static Map<String, String> measures(final List<? extends IkeResponder> responders) {
        final Map<String, String> measures = new LinkedHashMap<>();
        responders.forEach(r -> measures.put(r.name(), r.memoryMeasure()));
        return measures;
    }
}

package io.xgate.bench;

import io.xgate.bench.dut.Duts;
import io.xgate.bench.search.SearchSettings;
import io.xgate.bench.traffic.FrameSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line shared by {@code xgate bench throughput} and {@code latency} (and the rate and size of
 * {@code alloc}). Throughput takes lists of DUTs and sizes; latency one of each.
 */
record TrafficOptions(List<String> duts, List<FrameSizes> sizeList, int flows, boolean ipv6, Duration trial,
                      Duration drain, double maxPps, double resolutionPps, double resolutionRatio, double pdrLossRatio,
                      double ndrPps, List<Double> fractions, Path out) {
    /** The absolute floor of a relative resolution, so a search of a DUT that passes nothing still ends. */
    static final double MIN_RESOLUTION_PPS = 100;
    static final String OPTIONS = """
              --dut NAME[,NAME..] %s, or command:PROGRAM [ARGS] (default loopback)
              --size SIZE[,SIZE..] frame size in bytes with FCS, or imix: 7:4:1 of 64/570/1518 (default 64)
              --flows N           UDP flows: source address and port vary per flow (default 16)
              --ipv6              IPv6 instead of IPv4 (frames of at least 84 bytes)
              --duration SECONDS  length of each trial (default %s)
              --drain SECONDS     time for frames still in the DUT after each trial (default 0.5)
              --max-rate PPS      search ceiling, e.g. 2M or 500k (default 1M)
              --resolution PPS|N%% search stops when NDR/PDR bounds are this close, absolute or relative to the
                                  passing rate (default 1%%)
              --pdr-loss RATIO    loss ratio PDR allows (default 0.001)
              --ndr PPS           (latency) skip the search and take fractions of this rate
              --fractions LIST    percentages of NDR for latency runs (latency: default 10,50,90;
                                  throughput: default 50, one latency run per DUT and size; 0 for none)
              --out DIR           where results go (default bench-results/TEST-TIME)""";

    static TrafficOptions parse(final String test, final String[] args, final Duration defaultTrial) {
        List<String> duts = List.of(Duts.LOOPBACK);
        List<FrameSizes> sizes = List.of(FrameSizes.fixed(64));
        int flows = 16;
        boolean ipv6 = false;
        Duration trial = defaultTrial;
        Duration drain = Duration.ofMillis(500);
        double maxPps = 1e6;
        String resolution = "1%";
        double pdrLoss = 0.001;
        double ndr = 0;
        List<Double> fractions = test.equals("latency") ? List.of(0.1, 0.5, 0.9) : List.of(0.5);
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dut" -> duts = Duts.parseList(value(args, ++i));
                case "--size" -> sizes = Arrays.stream(value(args, ++i).split(",")).map(FrameSizes::parse).toList();
                case "--flows" -> flows = Integer.parseInt(value(args, ++i));
                case "--ipv6" -> ipv6 = true;
                case "--duration" -> trial = seconds(value(args, ++i));
                case "--drain" -> drain = seconds(value(args, ++i));
                case "--max-rate" -> maxPps = rate(value(args, ++i));
                case "--resolution" -> resolution = value(args, ++i);
                case "--pdr-loss" -> pdrLoss = Double.parseDouble(value(args, ++i));
                case "--ndr" -> ndr = rate(value(args, ++i));
                case "--fractions" -> fractions = percentages(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final boolean relative = resolution.endsWith("%");
        final double resolutionRatio = relative
                ? Double.parseDouble(resolution.substring(0, resolution.length() - 1)) / 100 : 0;
        final double resolutionPps = relative ? Math.min(MIN_RESOLUTION_PPS, maxPps) : rate(resolution);
        return new TrafficOptions(duts, sizes, flows, ipv6, trial, drain, maxPps, resolutionPps, resolutionRatio,
                pdrLoss, ndr, fractions, out != null ? out : defaultOut(test));
    }

    /** For commands that measure one DUT. */
    String dut() {
        if (duts.size() != 1) {
            throw new IllegalArgumentException("this test takes one DUT, got " + duts);
        }
        return duts.getFirst();
    }

    /** For commands that measure one frame size (or mix). */
    FrameSizes sizes() {
        if (sizeList.size() != 1) {
            throw new IllegalArgumentException("this test takes one size, got " + sizeList);
        }
        return sizeList.getFirst();
    }

    SearchSettings search(final FrameSizes sizes, final Duration trialDuration) {
        return new SearchSettings(sizes, maxPps, resolutionPps, resolutionRatio, trialDuration, pdrLossRatio);
    }

    /** One trial's time from start to the end of its drain, for progress estimates. */
    long trialNanos() {
        return trial.plus(drain).toNanos();
    }

    private static String value(final String[] args, final int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static Duration seconds(final String text) {
        return Duration.ofNanos((long) (Double.parseDouble(text) * 1e9));
    }

    /** 250000, 250k, 1.5M. */
    static double rate(final String text) {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        final double scale = t.endsWith("k") ? 1e3 : t.endsWith("m") ? 1e6 : 1;
        return Double.parseDouble(scale == 1 ? t : t.substring(0, t.length() - 1)) * scale;
    }

    private static List<Double> percentages(final String text) {
        final List<Double> fractions = new ArrayList<>();
        Arrays.stream(text.split(",")).mapToDouble(p -> Double.parseDouble(p.trim()) / 100).filter(f -> f > 0)
                .forEach(fractions::add);
        return List.copyOf(fractions);
    }

    private static Path defaultOut(final String test) {
        final String home = System.getenv("XGATE_HOME");
        final String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(home != null ? home : ".", "bench-results", test + "-" + time);
    }
}

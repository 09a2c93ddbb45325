package io.xgate.bench.failover;

import io.xgate.controlplane.daemon.FailoverSetup;
import io.xgate.controlplane.daemon.PathCut;
import io.xgate.controlplane.daemon.SequencedTraffic;
import io.xgate.controlplane.daemon.TwoGatewayLab;
import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code xgate bench failover}: two {@code xgate run} gateways over two WAN paths in network namespaces (the
 * failover namespace test's lab), a primary/secondary tunnel group, host-a sending host-b a numbered datagram
 * every 5 ms. Each run breaks the primary path and measures the outage from the lost numbers (first lost to first
 * delivered packet), then mends the path and waits until the traffic is back on the primary. Reports each run and
 * the median per monitor profile against the goals. Needs root.
 */
public final class FailoverCommand {
    public static final String USAGE = "usage: xgate bench failover [--runs N] [--default-runs N] "
            + "[--cut link-down|nftables-drop]";
    private static final int SEND_EVERY_MILLIS = 5;
    private static final long LOG_WAIT_SLACK_MILLIS = 10_000;

    private FailoverCommand() {
    }

    public static void run(final String[] args) throws Exception {
        int runs = 5;
        int defaultRuns = 3;
        PathCut cut = PathCut.LINK_DOWN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                case "--default-runs" -> defaultRuns = Integer.parseInt(value(args, ++i));
                case "--cut" -> cut = PathCut.valueOf(value(args, ++i).toUpperCase(Locale.ROOT).replace('-', '_'));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        final List<String> table = new ArrayList<>(List.of(
                "| profile | runs (ms, first lost to first delivered) | median | goal |",
                "|---|---|---:|---|"));
        try (TwoGatewayLab lab = new TwoGatewayLab(2)) {
            for (final FailoverProfile profile : List.of(FailoverProfile.subSecond(runs),
                    FailoverProfile.panosDefault(defaultRuns))) {
                if (profile.runs() > 0) {
                    table.add(measure(lab, profile, cut));
                }
            }
        }
        System.out.println();
        System.out.println("failover with the primary path cut by " + cut.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ", traffic every " + SEND_EVERY_MILLIS + " ms:");
        table.forEach(System.out::println);
    }

    private static String measure(final TwoGatewayLab lab, final FailoverProfile profile, final PathCut cut)
            throws Exception {
        final FailoverSetup setup = FailoverSetup.group(profile.intervalText(), profile.threshold(),
                profile.holdDownText());
        lab.startGateways(setup.config(lab, Side.A), setup.config(lab, Side.B));
        final long waitMillis = profile.detection().toMillis() + LOG_WAIT_SLACK_MILLIS;
        lab.awaitLog(Side.A, 0, "tunnel primary: \\w+ -> up", waitMillis);
        // A gateway that started before its peer may have failed over at once: let the hold-down bring it back.
        Thread.sleep(profile.holdDown().toMillis() + 500);
        final List<Long> outages = new ArrayList<>();
        for (int run = 1; run <= profile.runs(); run++) {
            final long outage = once(lab, profile, cut, waitMillis);
            outages.add(outage);
            System.out.printf("%s, run %d: %d ms%n", profile.name(), run, outage);
        }
        final long median = median(outages);
        return "| %s, hold-down %s | %s | **%d ms** | < %d ms: %s |".formatted(profile.name(), profile.holdDownText(),
                outages, median, profile.goal().toMillis(), median < profile.goal().toMillis() ? "met" : "MISSED");
    }

    /** One cut of the primary path: returns the outage in ms, and leaves the traffic back on the primary. */
    private static long once(final TwoGatewayLab lab, final FailoverProfile profile, final PathCut cut,
                             final long waitMillis) throws Exception {
        final int mark = lab.logMark(Side.A);
        final double seconds = 1 + profile.detection().toMillis() / 1000.0 + 3;
        final SequencedTraffic traffic = SequencedTraffic.start(lab, SEND_EVERY_MILLIS, seconds);
        Thread.sleep(1000);
        cut.cut(lab, 0);
        lab.awaitLog(Side.A, mark, "tunnel group branch: traffic on secondary", waitMillis);
        final SequencedTraffic.Result result = traffic.finish();
        cut.restore(lab, 0);
        lab.awaitLog(Side.A, mark, "tunnel group branch: traffic on primary", waitMillis
                + profile.holdDown().toMillis());
        if (result.outagesMillis().isEmpty()) {
            throw new IllegalStateException("no packet was lost: the cut did not take (" + result.delivered()
                    + " of " + result.sent() + " delivered)");
        }
        return result.outagesMillis().getFirst();
    }

    private static long median(final List<Long> values) {
        final List<Long> sorted = values.stream().sorted().toList();
        final int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String value(final String[] args, final int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}

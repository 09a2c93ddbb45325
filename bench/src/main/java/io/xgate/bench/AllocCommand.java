package io.xgate.bench;

import com.sun.management.ThreadMXBean;
import io.xgate.bench.dut.Duts;
import io.xgate.bench.dut.GatewayPairPath;
import io.xgate.bench.dut.TrafficDut;
import io.xgate.bench.report.ProgressLine;
import io.xgate.bench.report.Units;
import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrialResult;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code xgate bench alloc [--seconds 60] [--rate 100k] [--size 64] [--flows 16] [--workers 1] [--warm-up 5]}: the
 * {@code xgate} DUT (two gateways, ESP between them; {@code xgate-2w} with {@code --workers 2}) carries traffic for that long after a warm-up; prints the bytes each worker
 * thread allocated meanwhile (ThreadMXBean's per-thread counter, which counts every TLAB and outside-TLAB
 * allocation) and the JVM's garbage collections over the same span. The data plane's goal is 0 bytes.
 */
public final class AllocCommand {
    public static final String USAGE = """
            usage: xgate bench alloc [options]
              --seconds S    how long traffic runs while allocation is counted (default 60)
              --rate PPS     offered rate (default 100k)
              --size BYTES   frame size with FCS, or imix (default 64)
              --flows N      UDP flows (default 16)
              --workers N    workers per gateway, 1 or 2 (2: the xgate-2w DUT, every packet handed over)
              --warm-up S    traffic before counting, for the JIT (default 5; four workers on two shared CPUs
                             here need about 20 before the handoff path is compiled and allocates nothing)""";
    private static final Duration DRAIN = Duration.ofMillis(500);

    private AllocCommand() {
    }

    public static void run(final String[] args) throws IOException {
        Duration duration = Duration.ofSeconds(60);
        double rate = 100_000;
        FrameSizes sizes = FrameSizes.fixed(64);
        int flows = 16;
        int workerCount = 1;
        Duration warmUp = Duration.ofSeconds(5);
        for (int i = 0; i < args.length; i++) {
            final String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--seconds" -> duration = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--rate" -> rate = TrafficOptions.rate(value);
                case "--size" -> sizes = FrameSizes.parse(value);
                case "--flows" -> flows = Integer.parseInt(value);
                case "--workers" -> workerCount = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\n" + USAGE);
            }
        }
        final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final ProgressLine progress = new ProgressLine(System.err, duration.plus(DRAIN).toNanos());
        final GatewayPairPath path = GatewayPairPath.create(GatewayPairPath.Mode.ESP, workerCount);
        final String name = workerCount == 1 ? Duts.XGATE : Duts.XGATE_2W;
        try (TrafficDut dut = TrafficDut.open(name, path, flows, false, DRAIN, progress)) {
            progress.trialStarting(name, 0, 1);
            dut.runTrial(rate, sizes, warmUp); // the JIT compiles the workers' loops here, not in the count
            final List<Thread> workers = path.workerThreads();
            final long[] before = workers.stream().mapToLong(t -> threads.getThreadAllocatedBytes(t.threadId())).toArray();
            final long gcBefore = collections();
            progress.trialStarting(name, 1, 1);
            final TrialResult r = dut.runTrial(rate, sizes, duration);
            final long gcs = collections() - gcBefore;
            System.out.printf(Locale.ROOT, "%s (gw-a ESP encap, gw-b decap), %s B, %s offered for %d s: sent %d, "
                            + "received %d, lost %d%n", name, sizes, Units.rate(rate), duration.toSeconds(), r.sent(),
                    r.received(), r.lost());
            for (int i = 0; i < workers.size(); i++) {
                final long bytes = threads.getThreadAllocatedBytes(workers.get(i).threadId()) - before[i];
                System.out.printf(Locale.ROOT, "%s worker thread (%s): %d bytes allocated during the run%n",
                        i < workerCount ? "gw-a" : "gw-b", workers.get(i).getName(), bytes);
            }
            System.out.printf(Locale.ROOT, "garbage collections in the JVM during the run: %d%n", gcs);
        }
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }
}

package io.xgate.bench.jmh;

import io.xgate.bench.report.JmhJson;
import io.xgate.bench.report.KeyExchangeTable;
import io.xgate.bench.report.ResultTable;
import io.xgate.dataplane.crypto.CryptoProviders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code xgate bench jmh [--quick] [--filter REGEX] [--prof gc] [--out FILE]}: runs the ESP and IKE key exchange
 * benchmarks through JMH's Runner in this process (each benchmark in its own forked JVM), keeps JMH's JSON,
 * prints the tables.
 */
public final class JmhCommand {
    public static final String USAGE = "usage: xgate bench jmh [--quick] [--filter REGEX] [--prof gc] [--out FILE]";
    /** What Agrona and the FFM crypto need in every forked JVM; the launcher gives the same to this one. */
    static final String[] FORK_FLAGS = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED", "-Xmx1g"};
    private static final String ALL = JmhCommand.class.getPackageName().replace(".", "\\.") + "\\..*";
    /** The smoke run keeps two sizes; every benchmark still runs once per suite. */
    private static final String[] QUICK_SIZES = {"64", "1400"};

    /** Parsed command line. */
    record Arguments(boolean quick, String filter, boolean gc, Path out) {
        static Arguments parse(final String[] args) {
            boolean quick = false;
            boolean gc = false;
            String filter = ALL;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--filter" -> filter = value(args, ++i);
                    case "--prof" -> {
                        if (!"gc".equals(value(args, ++i))) {
                            throw new IllegalArgumentException("only --prof gc is supported\n" + USAGE);
                        }
                        gc = true;
                    }
                    case "--out" -> out = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            return new Arguments(quick, filter, gc, out != null ? out : defaultOut());
        }

        private static String value(final String[] args, final int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
            }
            return args[i];
        }

        /** bench-results/ of the checkout when run by scripts/xgate (gitignored), else of the working directory. */
        private static Path defaultOut() {
            final String home = System.getenv("XGATE_HOME");
            final String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return Path.of(home != null ? home : ".", "bench-results", "jmh-" + time + ".json");
        }
    }

    private JmhCommand() {
    }

    public static void run(final String[] args) throws IOException, RunnerException {
        final Arguments a = Arguments.parse(args);
        Files.createDirectories(a.out().toAbsolutePath().getParent());
        new Runner(options(a).build()).run();
        System.out.println();
        System.out.println(CryptoProviders.select());
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs; medians of the measured iterations; raw JMH JSON: " + a.out());
        try (InputStream json = Files.newInputStream(a.out())) {
            final List<ResultTable.Line> esp = ResultTable.lines(JmhJson.read(json));
            if (!esp.isEmpty()) {
                System.out.print(ResultTable.format(esp, suite -> BenchSuite.valueOf(suite).label()));
            }
        }
        try (InputStream json = Files.newInputStream(a.out())) {
            final String keyExchange = KeyExchangeTable.format(json);
            if (!keyExchange.isEmpty()) {
                System.out.println();
                System.out.print(keyExchange);
            }
        }
    }

    static ChainedOptionsBuilder options(final Arguments a) {
        final ChainedOptionsBuilder o = new OptionsBuilder()
                .include(a.filter())
                .forks(1)
                .jvmArgsAppend(FORK_FLAGS)
                .result(a.out().toString())
                .resultFormat(ResultFormatType.JSON);
        if (a.quick()) {
            o.param("size", QUICK_SIZES)
                    .warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(300));
        } else {
            o.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(4).measurementTime(TimeValue.seconds(1));
        }
        if (a.gc()) {
            o.addProfiler(GCProfiler.class);
        }
        return o;
    }
}

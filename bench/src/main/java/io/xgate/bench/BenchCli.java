package io.xgate.bench;

import io.xgate.bench.failover.FailoverCommand;
import io.xgate.bench.ike.IkeSetupCommand;
import io.xgate.bench.jmh.JmhCommand;
import java.util.Arrays;

/** Entry point of {@code scripts/xgate bench}: picks the tool by its first word. */
public final class BenchCli {
    private BenchCli() {
    }

    public static void main(final String[] args) throws Exception {
        final String command = args.length == 0 ? "" : args[0];
        final String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "jmh" -> JmhCommand.run(rest);
                case "throughput" -> ThroughputCommand.run(rest);
                case "latency" -> LatencyCommand.run(rest);
                case "plot" -> PlotCommand.run(rest);
                case "alloc" -> AllocCommand.run(rest);
                case "failover" -> FailoverCommand.run(rest);
                case "ike-setup" -> IkeSetupCommand.run(rest);
                default -> {
                    System.err.println(String.join("\n", JmhCommand.USAGE, ThroughputCommand.USAGE,
                            LatencyCommand.USAGE, PlotCommand.USAGE, AllocCommand.USAGE, FailoverCommand.USAGE,
                            IkeSetupCommand.USAGE));
                    System.exit(2);
                }
            }
        } catch (final IllegalArgumentException e) {
            System.err.println("xgate bench: " + e.getMessage());
            System.exit(2);
        }
    }
}

package io.xgate.controlplane.cli;

import io.xgate.controlplane.config.Device;
import io.xgate.dataplane.counters.CounterSnapshot;
import io.xgate.dataplane.counters.CountersFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code xgate stat [FILE] [--once] [--interval SECONDS]}: every counter of a counters file, read straight from
 * the mapped file as AeronStat reads a media driver's, so it works with or without the daemon (a stopped gateway's
 * file keeps its last values). Refreshes in place every interval (default 1 s) with the rate since the last
 * refresh, until interrupted; {@code --once} prints one table for scripts.
 */
final class StatCommand implements Command {
    private static final String USAGE = "usage: xgate stat [FILE] [--once] [--interval SECONDS]   (FILE default: "
            + Device.DEFAULT.countersFile() + ")";
    /** ANSI: cursor home, clear screen. */
    private static final String CLEAR = "\033[H\033[2J";

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        Path file = Path.of(Device.DEFAULT.countersFile());
        boolean once = false;
        double interval = 1;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--once" -> once = true;
                    case "--interval" -> interval = Double.parseDouble(args.get(++i));
                    default -> file = Path.of(args.get(i));
                }
            }
        } catch (final IndexOutOfBoundsException | NumberFormatException e) {
            err.println(USAGE);
            return XgateCli.USAGE;
        }
        try (CountersFile counters = CountersFile.open(file)) {
            if (once) {
                print(CounterSnapshot.read(counters.reader()), null, 0, out);
                return 0;
            }
            Map<Integer, Long> previous = null;
            final long pause = (long) (interval * 1000);
            while (!Thread.currentThread().isInterrupted()) {
                final List<CounterSnapshot.Counter> now = CounterSnapshot.read(counters.reader());
                out.print(CLEAR);
                out.println(file + " at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " (every " + interval
                        + " s; Ctrl-C stops)");
                print(now, previous, interval, out);
                out.flush();
                previous = new HashMap<>();
                for (final CounterSnapshot.Counter c : now) {
                    previous.put(c.id(), c.value());
                }
                Thread.sleep(pause);
            }
        }
        return 0;
    }

    /** With {@code previous} values, a RATE column (per second over {@code seconds}). */
    private static void print(final List<CounterSnapshot.Counter> counters, final Map<Integer, Long> previous,
                              final double seconds, final PrintStream out) {
        final Table table = previous == null ? new Table("ID", "GROUP", "COUNTER", "VALUE")
                : new Table("ID", "GROUP", "COUNTER", "VALUE", "RATE/S");
        for (final CounterSnapshot.Counter c : counters) {
            final String id = String.valueOf(c.id());
            final String value = String.valueOf(c.value());
            if (previous == null) {
                table.row(id, c.group(), c.name(), value);
            } else {
                final Long before = previous.get(c.id());
                table.row(id, c.group(), c.name(), value,
                        before == null ? "-" : String.valueOf(Math.round((c.value() - before) / seconds)));
            }
        }
        table.print(out);
    }
}

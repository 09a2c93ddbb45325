package io.xgate.bench.ike;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, all its threads, user and system ({@code utime + stime} of
 * {@code /proc/PID/stat}, in USER_HZ ticks of 10 ms). Unlike a rate, it does not depend on how much of the shared
 * CPUs the scheduler left the process.
 */
final class ProcessCpu {
    private static final long NANOS_PER_TICK = 10_000_000;

    private ProcessCpu() {
    }

    static long nanos(final long pid) throws IOException {
        final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) is in parentheses and may hold blanks: count fields after its ')'.
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }
}

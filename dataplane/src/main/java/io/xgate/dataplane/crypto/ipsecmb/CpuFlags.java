package io.xgate.dataplane.crypto.ipsecmb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The instruction-set flags Linux reports for the first CPU in /proc/cpuinfo. */
final class CpuFlags {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuFlags() {
    }

    /** @return the flags, or an empty set when /proc/cpuinfo cannot be read (nothing is assumed). */
    static Set<String> read() {
        try (var lines = Files.lines(CPUINFO)) {
            return lines.filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")))
                    .orElse(Set.of());
        } catch (final IOException | RuntimeException e) {
            return Set.of();
        }
    }
}

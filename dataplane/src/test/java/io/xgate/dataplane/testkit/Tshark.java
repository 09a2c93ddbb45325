package io.xgate.dataplane.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives tshark over a capture with the key tables of a {@code WiresharkKeyTables} directory, so tests can
 * check our ESP against Wireshark's decoder. tshark 4.0 prints booleans as 1/0 (newer versions True/False),
 * {@code esp.spi} as 0x%08x and {@code esp.sequence} in decimal.
 */
public final class Tshark {
    private static final Path EXECUTABLE = Path.of("/usr/bin/tshark");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Separates occurrences of one field; a control character no field value contains. */
    private static final char AGGREGATOR = '\u001f';
    /** What tshark prints on stderr when a key table or preference is rejected, or a dissector fails. */
    private static final List<String> CONFIG_ERRORS = List.of("Error loading table", "Dissector bug", "No such preference");

    private final Path configDir;

    /** @param configDir a directory written by {@code WiresharkKeyTables.write}. */
    public Tshark(final Path configDir) {
        ExternalTool.require(EXECUTABLE, "tshark");
        this.configDir = configDir;
    }

    /** The requested fields of every packet matching the display filter (empty filter: every packet). */
    public List<TsharkPacket> packets(final Path pcap, final String displayFilter, final String... fields)
        throws IOException {
        final List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-n", "-r", pcap.toString(),
            "-T", "fields", "-E", "header=n", "-E", "separator=/t", "-E", "occurrence=a",
            "-E", "aggregator=" + AGGREGATOR));
        if (!displayFilter.isEmpty()) {
            command.addAll(List.of("-Y", displayFilter));
        }
        for (final String field : fields) {
            command.addAll(List.of("-e", field));
        }
        final ExternalTool.Output output = ExternalTool.run(command,
            Map.of("WIRESHARK_CONFIG_DIR", configDir.toString()), new byte[0], TIMEOUT);
        final boolean configRejected = CONFIG_ERRORS.stream().anyMatch(output.stderr()::contains);
        if (output.exitCode() != 0 || configRejected) {
            throw new IllegalStateException("tshark failed (exit " + output.exitCode() + "): " + output.stderr());
        }
        return output.stdout().lines().map(line -> parse(line, fields)).toList();
    }

    /**
     * Why the capture's ESP does not check out, one line per bad packet: not decrypted (no next header),
     * or ICV not verified. Empty when there is at least one ESP packet and all of them are good.
     */
    public List<String> espProblems(final Path pcap) throws IOException {
        final List<TsharkPacket> esp = packets(pcap, "esp", "frame.number", "esp.spi", "esp.sequence",
            "esp.icv_good", "esp.protocol");
        if (esp.isEmpty()) {
            return List.of(pcap + ": no ESP packet");
        }
        final List<String> problems = new ArrayList<>();
        for (final TsharkPacket packet : esp) {
            final String where = "frame " + packet.first("frame.number") + " spi " + packet.first("esp.spi")
                + " seq " + packet.first("esp.sequence");
            if (!isTrue(packet.first("esp.icv_good"))) {
                problems.add(where + ": ICV not verified (icv_good=" + packet.first("esp.icv_good") + ")");
            } else if (!packet.has("esp.protocol")) {
                problems.add(where + ": not decrypted (no next header)");
            }
        }
        return problems;
    }

    /** The innermost value of one field per packet (null where absent): what a decrypted tunnel carried. */
    public List<String> innerValues(final Path pcap, final String field) throws IOException {
        return packets(pcap, "", field).stream().map(packet -> packet.last(field)).toList();
    }

    static boolean isTrue(final String value) {
        return "1".equals(value) || "True".equalsIgnoreCase(value);
    }

    private static TsharkPacket parse(final String line, final String[] fields) {
        final String[] columns = line.split("\t", -1);
        final Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            final String column = i < columns.length ? columns[i] : "";
            values.put(fields[i], column.isEmpty() ? List.of()
                : Arrays.asList(column.split(String.valueOf(AGGREGATOR), -1)));
        }
        return new TsharkPacket(values);
    }
}

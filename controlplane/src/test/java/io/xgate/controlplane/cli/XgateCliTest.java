package io.xgate.controlplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.capture.PcapReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XgateCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return XgateCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesTheCryptoLibraries() {
        assertEquals(0, run("version"));
        assertTrue(out.toString().contains("crypto: "), out.toString());
        assertTrue(out.toString().contains("ike key exchange: "), out.toString());
    }

    @Test
    void unknownCommandPrintsUsage() {
        assertEquals(XgateCli.USAGE, run("frobnicate"));
        assertTrue(err.toString().startsWith("usage: xgate"));
    }

    @Test
    void apiOptionsBeforeTheCommandWordGoToTheCommand(@TempDir final Path dir) {
        assertEquals(List.of("show", "vpn", "flow", "--socket", "s", "--json"),
            XgateCli.commandFirst(List.of("--socket", "s", "--json", "show", "vpn", "flow")));
        assertEquals(List.of("show", "vpn", "--json"), XgateCli.commandFirst(List.of("show", "vpn", "--json")));
        final Path socket = dir.resolve("no-daemon.sock");
        assertEquals(1, run("--socket", socket.toString(), "show", "vpn", "flow"));
        assertTrue(err.toString().contains(socket.toString()), err.toString());
    }

    @Test
    void configValidateReportsEveryErrorWithItsPath(@TempDir final Path dir) throws IOException {
        final Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                ipsec-tunnels:
                  - name: to-b
                    tunnel-interface: tunnel.1
                    anti-replay-window: 1000
                """);
        assertEquals(1, run("config", "validate", bad.toString()));
        assertTrue(out.toString().contains("ipsec-tunnels[to-b].anti-replay-window: must be one of 64..4096 "
                + "powers of two, got 1000"), out.toString());
    }

    @Test
    void runRefusesAnInvalidConfigWithEveryErrorAndItsPath(@TempDir final Path dir)
            throws IOException {
        final Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                device: {workers: 0}
                ipsec-tunnels:
                  - name: to-b
                    tunnel-interface: tunnel.1
                    anti-replay-window: 1000
                """);
        assertEquals(1, run("run", "--config", bad.toString()));
        final List<String> lines = err.toString().lines().toList();
        assertTrue(lines.contains("ipsec-tunnels[to-b].anti-replay-window: must be one of 64..4096 powers of two, "
                + "got 1000"), err.toString());
        assertTrue(lines.size() >= 3 && lines.stream().allMatch(l -> l.matches("[\\w.\\[\\]/-]+: .+")),
                err.toString());
    }

    @Test
    void runWithoutConfigPrintsItsUsage() {
        assertEquals(XgateCli.USAGE, run("run"));
        assertEquals("usage: xgate run --config FILE [--state-dir DIR]   (state dir default: /var/lib/xgate)",
                err.toString().trim());
    }

    @Test
    void demoWritesAnEncryptedCaptureAndKeysButPrintsNoKey(@TempDir final Path dir) throws IOException {
        assertEquals(0, run("demo", "--out", dir.toString(), "--packets", "2"), err.toString());
        final List<byte[]> wan = PcapReader.readFrames(dir.resolve("wan.pcap"));
        assertEquals(8 + 2, wan.size(), "2 rounds x (v4 + v6) x both ways, plus the replayed and corrupted ones");
        assertEquals(8, PcapReader.readFrames(dir.resolve("delivered.pcap")).size());
        assertTrue(out.toString().contains("drops: replay=1 integrity=1"), out.toString());
        final String esp = Files.readString(dir.resolve("wireshark/esp_sa"));
        for (final String line : esp.lines().filter(l -> l.startsWith("\"IPv")).toList()) {
            final String key = line.split(",")[5].replace("\"", "").substring(2);
            assertFalse(out.toString().contains(key) || err.toString().contains(key), "key printed");
        }
    }
}

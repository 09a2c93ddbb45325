package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static io.xgate.controlplane.commit.CommitFixture.KEY_HEX;
import static io.xgate.controlplane.commit.CommitFixture.example;
import static io.xgate.controlplane.commit.CommitFixture.exampleWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigServiceTest {
    private static final String OTHER_KEY = "ffeeddccbbaa99887766554433221100a0b0c0d0";

    @TempDir
    Path dir;
    private final RecordingTarget target = new RecordingTarget();

    private ConfigService committed(final String yaml) throws IOException {
        final ConfigService service = CommitFixture.open(dir, target);
        service.load(yaml);
        assertInstanceOf(CommitResult.Committed.class, service.commit("alice", "first"));
        return service;
    }

    @Test
    void commitAppliesTheCandidateAndKeepsItAsRunningAndVersionOne() throws IOException {
        final ConfigService service = committed(example());

        assertEquals(example(), Files.readString(dir.resolve("running.yaml")));
        assertEquals(example(), Files.readString(dir.resolve("history/000001.yaml")));
        assertEquals(List.of(new HistoryEntry(1, "2026-01-02T03:04:05Z", "alice", "first",
                "+3 zone, +1 virtual-router, +2 ethernet-interface, +1 tunnel-interface, +1 static-route, "
                        + "+1 ipsec-tunnel, ~1 device")), service.history());
        assertTrue(target.state().containsKey("ipsec-tunnel to-b"));
        for (final String file : List.of("running.yaml", "candidate.yaml", "history/000001.yaml",
                "history/000001.json")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))),
                    file);
        }
    }

    @Test
    void invalidCandidateReportsEveryErrorAndChangesNothing() throws IOException {
        final ConfigService service = committed(example());
        final var stateBefore = target.state();
        final int appliedBefore = target.applied().size();
        service.load(exampleWith("anti-replay-window: 1024", "anti-replay-window: 1000")
                .replace("mtu: 1400", "mtu: 100"));

        final CommitResult result = service.commit("alice", "broken");

        assertEquals(new CommitResult.Invalid(List.of(
                new ConfigError("interfaces.tunnel[tunnel.1].mtu", "must be 576..9216, got 100"),
                new ConfigError("ipsec-tunnels[to-b].anti-replay-window",
                        "must be one of 64..4096 powers of two, got 1000"))), result);
        assertEquals(appliedBefore, target.applied().size(), "the invalid candidate never reached the target");
        assertEquals(stateBefore, target.state());
        assertEquals(example(), Files.readString(dir.resolve("running.yaml")));
        assertEquals(1, service.history().size());
    }

    @Test
    void failureInTheMiddleOfApplyRevertsTheTargetAndKeepsRunning() throws IOException {
        final ConfigService service = committed(example());
        final var stateBefore = target.state();
        service.load(exampleWith("mtu: 1400", "mtu: 1300")
                .replace("interface: tunnel.1}", "interface: tunnel.1, metric: 20}")
                .replace("copy-tos: true", "copy-tos: false"));
        target.failAtChange(2);

        final CommitResult result = service.commit("alice", "three changes");

        assertEquals(new CommitResult.Failed("applying failed: cannot program static-route default/to-b; "
                + "the previous config is restored"), result);
        assertEquals(1, target.reverts());
        assertEquals(stateBefore, target.state());
        assertEquals(example(), Files.readString(dir.resolve("running.yaml")));
        assertEquals(1, service.history().size());
        assertFalse(Files.exists(dir.resolve("history/000002.yaml")));
    }

    @Test
    void rollbackCommitsTheOldVersionAsANewOne() throws IOException {
        final ConfigService service = committed(example());
        service.set("ipsec-tunnels[to-b].anti-replay-window", "2048");
        assertInstanceOf(CommitResult.Committed.class, service.commit("bob", "wider window"));

        final CommitResult result = service.rollback(1, "carol");

        assertEquals(new CommitResult.Committed(new HistoryEntry(3, "2026-01-02T03:04:05Z", "carol",
                "rollback to version 1", "~1 ipsec-tunnel")), result);
        assertEquals(example(), Files.readString(dir.resolve("running.yaml")));
        assertEquals(List.of(), service.diff());
        assertThrows(IllegalArgumentException.class, () -> service.rollback(9, "carol"));
    }

    @Test
    void setCreatesWhatIsMissingAndDeleteRemovesByPath() throws IOException {
        final ConfigService service = committed(example());

        service.set("interfaces.tunnel[tunnel.2].mtu", "1280");
        service.set("ipsec-tunnels[to-b].anti-replay-window", "2048");
        service.delete("virtual-routers[default].static-routes[to-b]");

        assertEquals(List.of(
                "...",
                "          - 198.18.255.1/32",
                "        mtu: 1400",
                "+     - name: tunnel.2",
                "+       mtu: 1280",
                "  virtual-routers:",
                "    - name: default",
                "-     static-routes:",
                "-       - name: to-b",
                "-         destination: 198.18.2.0/24",
                "-         interface: tunnel.1",
                "+     static-routes: []",
                "  ipsec-tunnels:",
                "    - name: to-b",
                "...",
                "            algorithm: none",
                "      anti-replay: true",
                "-     anti-replay-window: 1024",
                "+     anti-replay-window: 2048",
                "      copy-tos: true"), service.diff());
        assertThrows(IllegalArgumentException.class, () -> service.delete("ipsec-tunnels[to-x]"));
        assertThrows(IllegalArgumentException.class, () -> service.set("ipsec-tunnels[to-b", "1"));
    }

    @Test
    void showAndDiffNeverPrintAKeyButSayWhenOneChanged() throws IOException {
        final ConfigService service = committed(example());
        service.set("ipsec-tunnels[to-b].manual-key.esp.encryption.key", OTHER_KEY);

        final String diff = String.join("\n", service.diff());

        assertTrue(diff.contains("-           key: '********'\n+           key: '******** (changed)'"), diff);
        for (final String shown : List.of(diff, service.show(true), service.show(false))) {
            assertFalse(shown.contains(KEY_HEX) || shown.contains(OTHER_KEY), shown);
            assertFalse(shown.contains(KEY_HEX.substring(0, 8)) || shown.contains(OTHER_KEY.substring(0, 8)), shown);
        }
    }
}

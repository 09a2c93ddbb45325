package io.xgate.controlplane.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xgate.controlplane.api.ConfigHandlers;
import io.xgate.controlplane.api.EventBus;
import io.xgate.controlplane.api.ManagementServer;
import io.xgate.controlplane.commit.CommitFixture;
import io.xgate.controlplane.commit.RecordingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The config CLI against a real management server and config service, with a fake device behind them. */
@Timeout(60)
class ConfigCliTest {
    private static final String EXAMPLE = io.xgate.controlplane.commit.CommitFixture.examplePath().toString();
    private static final String OTHER_KEY = "ffeeddccbbaa99887766554433221100a0b0c0d0";
    private static final String ADDED = "+3 zone, +1 virtual-router, +2 ethernet-interface, +1 tunnel-interface, "
            + "+1 static-route, +1 ipsec-tunnel, ~1 device";

    @TempDir
    Path dir;
    private ManagementServer server;
    private Map<String, String> env;
    /** Everything any command printed, to check no key ever shows. */
    private final StringBuilder printed = new StringBuilder();
    private String out;
    private String err;

    @BeforeEach
    void startServer() throws IOException {
        final EventBus events = new EventBus();
        server = new ManagementServer(dir.resolve("xgate.sock"), events);
        ConfigHandlers.register(server, CommitFixture.open(dir.resolve("state"), new RecordingTarget()), events);
        server.start();
        env = Map.of("XGATE_SOCKET", server.socket().toString());
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
        final String all = printed.toString();
        for (final String key : List.of(CommitFixture.KEY_HEX, OTHER_KEY)) {
            assertFalse(all.contains(key) || all.contains(key.substring(0, 8)), all);
        }
    }

    private int run(final String... args) {
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final ByteArrayOutputStream e = new ByteArrayOutputStream();
        final int code = XgateCli.run(List.of(args), env, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        printed.append(out).append(err);
        return code;
    }

    private void ok(final String... args) {
        assertEquals(0, run(args), err);
    }

    @Test
    void editCommitHistoryAndRollback() {
        ok("config", "load", EXAMPLE);
        assertEquals("candidate loaded; 'xgate config diff' shows what commit would change\n", out);
        ok("commit", "-m", "first");
        assertEquals("committed version 1: " + ADDED + "\n", out);

        ok("config", "set", "ipsec-tunnels[to-b].anti-replay-window", "2048");
        assertEquals("candidate: ipsec-tunnels[to-b].anti-replay-window set\n", out);
        ok("config", "diff");
        assertEquals("""
                ...
                            algorithm: none
                      anti-replay: true
                -     anti-replay-window: 1024
                +     anti-replay-window: 2048
                      copy-tos: true
                """, out);
        ok("commit");
        assertEquals("committed version 2: ~1 ipsec-tunnel\n", out);
        ok("config", "diff");
        assertEquals("no changes: the candidate is the running config\n", out);

        ok("config", "rollback", "1");
        assertEquals("committed version 3: ~1 ipsec-tunnel\n", out);
        ok("config", "history");
        final String user = System.getProperty("user.name");
        final String userColumn = "%-" + Math.max(4, user.length()) + "s  ";
        assertEquals(String.format("""
                VERSION  TIME                  %sCHANGES%sCOMMENT
                1        2026-01-02T03:04:05Z  %s%s  first
                2        2026-01-02T03:04:05Z  %s~1 ipsec-tunnel%s
                3        2026-01-02T03:04:05Z  %s~1 ipsec-tunnel%srollback to version 1
                """, userColumn.formatted("USER"), " ".repeat(ADDED.length() - 7 + 2), userColumn.formatted(user),
                ADDED, userColumn.formatted(user), " ".repeat(ADDED.length() - 15 + 2).stripTrailing(),
                userColumn.formatted(user), " ".repeat(ADDED.length() - 15 + 2)), out);
    }

    @Test
    void jsonPrintsTheRawResult() throws IOException {
        ok("config", "load", EXAMPLE, "--json");
        assertEquals("loaded", new ObjectMapper().readTree(out).path("candidate").asText());
        ok("commit", "--socket", server.socket().toString(), "-m", "first", "--json");
        ok("config", "history", "--socket", server.socket().toString(), "--json");
        final JsonNode history = new ObjectMapper().readTree(out);
        assertEquals(1, history.path("versions").size());
        assertEquals("first", history.path("versions").path(0).path("comment").asText());
        ok("config", "show", "--running", "--json");
        assertTrue(new ObjectMapper().readTree(out).path("yaml").asText().contains("key: '********'"), out);
    }

    @Test
    void invalidCommitListsEveryErrorAndExitsOne() throws IOException {
        ok("config", "load", EXAMPLE);
        ok("config", "set", "ipsec-tunnels[to-b].anti-replay-window", "1000");
        ok("config", "set", "interfaces.tunnel[tunnel.1].mtu", "100");

        assertEquals(1, run("commit"));
        assertEquals("", out);
        assertEquals("""
                the candidate has 2 errors; nothing was applied
                interfaces.tunnel[tunnel.1].mtu: must be 576..9216, got 100
                ipsec-tunnels[to-b].anti-replay-window: must be one of 64..4096 powers of two, got 1000
                """, err);
        assertEquals(1, run("commit", "--json"));
        final JsonNode response = new ObjectMapper().readTree(out);
        assertFalse(response.path("ok").asBoolean());
        assertEquals(2, response.path("details").path("errors").size());
    }

    @Test
    void keysNeverComeBackInAnyOutput() {
        ok("config", "load", EXAMPLE);
        ok("commit");
        ok("config", "set", "ipsec-tunnels[to-b].manual-key.esp.encryption.key", OTHER_KEY);
        assertEquals("candidate: ipsec-tunnels[to-b].manual-key.esp.encryption.key set\n", out);
        ok("config", "diff");
        assertTrue(out.contains("+           key: '******** (changed)'"), out);
        ok("config", "show");
        ok("config", "show", "--running");
        ok("config", "diff", "--json");
        ok("commit", "--json");
    }

    @Test
    void wrongArgumentsPrintUsage() {
        assertEquals(XgateCli.USAGE, run("config", "set", "only-a-path"));
        assertEquals("usage: xgate config set PATH VALUE [--socket PATH] [--json]\n", err);
        assertEquals(XgateCli.USAGE, run("config", "rollback", "latest"));
        assertEquals(XgateCli.USAGE, run("commit", "comment-without-m"));
        assertEquals(XgateCli.USAGE, run("config", "show", "--both"));
    }

    @Test
    void unreachableDaemonIsReported() {
        env = Map.of("XGATE_SOCKET", dir.resolve("nobody-home.sock").toString());
        assertEquals(1, run("config", "diff"));
        assertTrue(err.startsWith("xgate config: cannot reach the xgate daemon at "), err);
    }
}

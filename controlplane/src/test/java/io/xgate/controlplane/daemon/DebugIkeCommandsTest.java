package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.api.EventBus;
import io.xgate.controlplane.api.ManagementServer;
import io.xgate.controlplane.cli.XgateCli;
import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.ike.trace.IkeTracing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xgate debug ike gateway G on|off [--follow]} and {@code show debug ike} through a real management server,
 * the handlers on a control thread of their own as in the daemon, and the trace lines reaching the event stream.
 */
@Timeout(30)
class DebugIkeCommandsTest {
    private static final String CONFIG = """
            interfaces:
              ethernet:
                - {name: ethernet1/1, device: wan0, zone: untrust, virtual-router: default, ip: [192.0.2.1/24]}
            zones: [{name: untrust}]
            virtual-routers: [{name: default}]
            ike-gateways:
              - {name: gw-b, local-address: {interface: ethernet1/1}, peer-address: {ip: 192.0.2.2},
                 authentication: {pre-shared-key: {key: "secret-secret"}}}
              - {name: gw-c, local-address: {interface: ethernet1/1}, peer-address: {ip: 192.0.2.3},
                 authentication: {pre-shared-key: {key: "secret-secret"}}}
            """;

    @TempDir
    Path dir;
    private final EventBus events = new EventBus();
    private final IkeTracing tracing = new IkeTracing(new IkeTraceSink(events));
    private final AtomicReference<ControlTasks> tasks = new AtomicReference<>();
    private volatile boolean stopping;
    private Thread control;
    private ManagementServer server;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        final CompletableFuture<ControlTasks> created = new CompletableFuture<>();
        control = Thread.ofPlatform().name("control").start(() -> {
            created.complete(new ControlTasks());
            while (!stopping) {
                if (created.join().runDue() == 0) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        });
        tasks.set(created.get(5, TimeUnit.SECONDS));
        server = new ManagementServer(dir.resolve("xgate.sock"), events);
        final DeviceConfig config = ((LoadResult.Valid) ConfigLoader.load(CONFIG, "test")).config();
        DebugHandlers.register(server, tasks.get(), tracing, () -> config);
        server.start();
        env = Map.of("XGATE_SOCKET", server.socket().toString());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        stopping = true;
        control.join();
    }

    @Test
    void onShowAndOffAreRememberedPerGatewayAndAnUnknownGatewayIsRefused() {
        assertEquals("GATEWAY  IKE-TRACE\n", ok("show", "debug", "ike"));
        assertEquals("gateway gw-b: IKE trace on\n", ok("debug", "ike", "gateway", "gw-b", "on"));
        assertEquals("gateway gw-b: IKE trace on (it already was)\n", ok("debug", "ike", "gateway", "gw-b", "on"));
        assertEquals("GATEWAY  IKE-TRACE\ngw-b     on\n", ok("show", "debug", "ike"));
        assertEquals("{\"gateways\":[\"gw-b\"]}\n", ok("show", "debug", "ike", "--json"));

        final Result unknown = run("debug", "ike", "gateway", "gw-x", "on");
        assertEquals(1, unknown.exit());
        assertEquals("no ike-gateway gw-x\n", unknown.err());
        assertEquals(2, run("debug", "ike", "gateway", "gw-b").exit(), "on or off is required");
        assertEquals(2, run("debug", "ike", "gateway").exit(), "a gateway is required");
        assertEquals(2, run("debug", "ike", "gateway", "gw-b", "off", "--follow").exit(), "only on follows");

        assertEquals("gateway gw-b: IKE trace off\n", ok("debug", "ike", "gateway", "gw-b", "off"));
        assertEquals("GATEWAY  IKE-TRACE\n", ok("show", "debug", "ike"));
    }

    @Test
    void followPrintsTheGatewaysTraceLinesAsTheyComeAndNoOtherGateways() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CompletableFuture<Integer> follow = CompletableFuture.supplyAsync(() -> XgateCli.run(
                List.of("debug", "ike", "gateway", "gw-b", "on", "--follow"), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
        while (!out.toString(StandardCharsets.UTF_8).contains("following")) {
            Thread.sleep(10);
        }
        ok("debug", "ike", "gateway", "gw-c", "on");
        tasks.get().call(() -> {
            tracing.of("gw-c").decision("dpd", "probe", "not gw-b's");
            tracing.of("gw-b").decision("nat", "none", "no NAT");
            return null;
        });
        final String expected = "gateway=gw-b event=nat result=none detail=\"no NAT\"";
        while (!out.toString(StandardCharsets.UTF_8).contains(expected)) {
            Thread.sleep(10);
        }
        server.close();
        assertEquals(0, follow.get(5, TimeUnit.SECONDS));
        assertEquals("gateway gw-b: IKE trace on; following its lines (Ctrl-C stops; the trace stays on)\n"
                + expected + "\n", out.toString(StandardCharsets.UTF_8));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("gw-c"));
    }

    private String ok(final String... args) {
        final Result result = run(args);
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.err().isEmpty(), result.err());
        return result.out();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = XgateCli.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

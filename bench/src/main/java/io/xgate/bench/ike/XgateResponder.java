package io.xgate.bench.ike;

import io.xgate.bench.dut.BenchNetwork;
import io.xgate.controlplane.api.ManagementClient;
import io.xgate.controlplane.api.ManagementException;
import io.xgate.controlplane.daemon.GatewayDaemon;
import io.xgate.controlplane.ike.crypto.KeyExchangeLibrary;
import io.xgate.dataplane.counters.CountersFile;
import io.xgate.dataplane.counters.TrafficCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agrona.concurrent.status.CountersReader;

/**
 * {@code xgate run} as the responder: a JVM of its own in the responder namespace, the WAN veth its one AF_XDP
 * port, one {@code dynamic} ike-gateway whose wildcard peer-id ({@code *.bench.example}) accepts every initiator,
 * and one auto-key tunnel whose proxy ID (203.0.113.0/24 ↔ 198.19.0.0/16) each initiator's /32 narrows. The
 * worker idles with backoff, not spinning: two vCPUs are shared by initiator and responder. Counts come from the
 * management API ({@code show vpn ipsec-sa}: the child SAs in the data plane); memory is the heap in use after a
 * full collection ({@code jcmd GC.run}, then {@code GC.heap_info}) plus the counter slots in use in the mapped
 * counters file; off-heap key schedules in the worker are not counted. Each SA takes counter slots, so the config
 * gives the daemon room for the run's SAs ({@code device.counter-slots}), however many the run sets up.
 */
final class XgateResponder implements IkeResponder {
    private static final String LOG = "xgate.log";
    private static final int LOG_TAIL = 20;
    private static final long READY_MILLIS = 30_000;
    private static final long STOP_SECONDS = 20;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    /** Ports, tunnels and everything but the benchmark's SAs. */
    private static final int BASE_COUNTER_SLOTS = 4096;
    private static final int BYTES_PER_COUNTER = CountersReader.COUNTER_LENGTH + CountersReader.METADATA_LENGTH;

    private final Path dir;
    private final String address;
    private final Process process;

    private XgateResponder(final Path dir, final String address, final Process process) {
        this.dir = dir;
        this.address = address;
        this.process = process;
    }

    /**
     * Starts it with room in its counters file for twice {@code sas} child SAs (two sets of counters each):
     * a run's, and as many again left over from the run before should its Deletes not all have arrived.
     */
    static XgateResponder start(final BenchNetwork network, final String device, final String address,
                                final String psk, final int sas, final Path dir) throws IOException {
        final int slots = BASE_COUNTER_SLOTS + 2 * sas * 2 * TrafficCounters.SLOTS;
        Files.createDirectories(dir);
        final Path config = dir.resolve("xgate.yaml");
        Files.writeString(config, config(dir, device, address, psk, slots), StandardCharsets.UTF_8);
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The responder computes IKE's key exchange with the library the bench (the initiator) was told to use.
        final String keyExchange = KeyExchangeLibrary.PROPERTY + "="
                + System.getProperty(KeyExchangeLibrary.PROPERTY, KeyExchangeLibrary.AUTO);
        final Process process = new ProcessBuilder(List.of("ip", "netns", "exec", network.name(), java.toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-D" + GatewayDaemon.IDLE_PROPERTY + "=backoff",
                "-D" + keyExchange,
                "-cp", System.getProperty("java.class.path"),
                "io.xgate.controlplane.cli.XgateCli", "run", "--config", config.toString(),
                "--state-dir", dir.resolve("state").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(LOG).toFile()).start();
        final XgateResponder responder = new XgateResponder(dir, address, process);
        try {
            responder.awaitReady();
            return responder;
        } catch (final IOException | RuntimeException e) {
            responder.close();
            throw e;
        }
    }

    private static String config(final Path dir, final String device, final String address, final String psk,
                                 final int counterSlots) {
        return """
                device:
                  workers: 1
                  counters-file: %1$s
                  management-socket: %2$s
                  counter-slots: %11$d
                interfaces:
                  ethernet:
                    - {name: ethernet1/1, device: %3$s, zone: untrust, virtual-router: default, ip: [%4$s/24]}
                  tunnel:
                    - {name: tunnel.1, zone: vpn, virtual-router: default}
                virtual-routers:
                  - name: default
                %5$s\
                ike-gateways:
                  - name: initiators
                    protocol: {version: ikev2}
                    local-address: {interface: ethernet1/1, ip: %4$s}
                    peer-address: {dynamic: true}
                    authentication: {pre-shared-key: {key: "%6$s"}}
                    local-id: {type: fqdn, id: %7$s}
                    peer-id: {type: fqdn, id: "*.%8$s", matching: wildcard}
                    ike-crypto-profile: ike
                    nat-traversal: {enable: true}
                    ikev2: {dpd: {enable: false}}
                ipsec-tunnels:
                  - name: initiators
                    tunnel-interface: tunnel.1
                    auto-key:
                      ike-gateway: [initiators]
                      ipsec-crypto-profile: esp
                      proxy-id:
                        - {name: p, local: %9$s, remote: %10$s}
                """.formatted(dir.resolve("counters.dat"), socket(dir), device, address, SetupCrypto.XGATE_PROFILES,
                psk, SetupCrypto.RESPONDER_ID, SetupCrypto.INITIATOR_ID_DOMAIN, SetupCrypto.PROTECTED,
                SetupCrypto.INITIATOR_INNER, counterSlots);
    }

    private static Path socket(final Path dir) {
        return dir.resolve("xgate.sock");
    }

    /** Until the API answers and the IKE sockets are open. */
    private void awaitReady() throws IOException {
        final long deadline = System.currentTimeMillis() + READY_MILLIS;
        final Path log = log();
        final String listening = "IKE listening on /" + address + ":4500";
        while (!(Files.exists(socket(dir)) && Files.readString(log).contains(listening))) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("xgate run did not come up:\n" + Files.readString(log));
            }
            pause(100);
        }
    }

    @Override
    public String name() {
        return "xgate";
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int establishedSas() throws IOException {
        requireAlive();
        try (ManagementClient client = ManagementClient.connect(socket(dir))) {
            return client.call("show.vpn.ipsec-sa", Map.of()).path("sas").size();
        } catch (final ManagementException e) {
            throw new IOException("show vpn ipsec-sa: " + e.getMessage(), e);
        }
    }

    /** The live heap plus the counter slots in use (each a value and a label record in the mapped file). */
    @Override
    public long memoryBytes() throws IOException {
        requireAlive();
        jcmd("GC.run");
        final Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info: no heap use in its output");
        }
        final long[] counters = {0};
        try (CountersFile file = CountersFile.open(dir.resolve("counters.dat"))) {
            file.reader().forEach((id, type, key, label) -> counters[0]++);
        }
        return Long.parseLong(used.group(1)) * 1024 + counters[0] * BYTES_PER_COUNTER;
    }

    /** The daemon's JVM: JIT compilers and GC threads included. */
    @Override
    public long cpuNanos() throws IOException {
        return ProcessCpu.nanos(process.pid());
    }

    @Override
    public String memoryMeasure() {
        return "Java heap used after a full GC + counter slots in use";
    }

    private String jcmd(final String command) throws IOException {
        final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        final Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(STOP_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("jcmd " + command + " failed: " + output);
            }
        } catch (final InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: jcmd " + command, e);
        }
        return output;
    }

    /** A daemon that exited says why: the last lines of its log. */
    private void requireAlive() throws IOException {
        if (!process.isAlive()) {
            final List<String> lines = Files.readAllLines(log());
            throw new IOException("xgate run exited with " + process.exitValue() + "; the end of its log:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size())));
        }
    }

    private Path log() {
        return dir.resolve(LOG);
    }

    /** SIGTERM by PID (the daemon deletes its IKE SAs, detaches XDP), SIGKILL if it has not exited in 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void pause(final long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

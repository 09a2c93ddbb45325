package io.xgate.controlplane.daemon;

import io.xgate.dataplane.counters.CountersFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.status.CountersReader;

/**
 * host-a — gw-a — WAN — gw-b — host-b, each in a namespace of its own, the WAN a bridge (one per WAN path: a
 * failover lab has two, 192.0.2.0/24 and 198.51.100.0/24) in a fifth namespace
 * (so a capture there sees what the gateways' AF_XDP sockets send and receive, which taps on the gateways' own
 * devices do not). Each gateway is an {@code xgate run} JVM started in its namespace. Every name carries a random
 * tag; {@link #close()} stops every process it started by PID and deletes the namespaces (and with them the
 * veths). Addresses: host-a 198.18.1.10 / 2001:db8:1::10, host-b 198.18.2.10 / 2001:db8:2::10, WAN 192.0.2.1
 * and .2; the gateways' LAN ends are .1 / ::1.
 */
public final class TwoGatewayLab implements AutoCloseable {
    static final String HOST_A = "198.18.1.10";
    static final String HOST_B = "198.18.2.10";
    static final String HOST_A6 = "2001:db8:1::10";
    static final String HOST_B6 = "2001:db8:2::10";
    static final String WAN_A = "192.0.2.1";
    static final String WAN_B = "192.0.2.2";
    /** The /24 of each WAN path, by path index. */
    private static final List<String> WAN_NETWORKS = List.of("192.0.2", "198.51.100");
    private static final long COMMAND_SECONDS = 20;
    private static final long READY_MILLIS = 15_000;

    public enum Side { A, B }

    private final String tag = "xd" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    private final Path dir = Files.createTempDirectory("xgate-lab");
    private final Path traffic = dir.resolve("lab_traffic.py");
    private final List<Process> processes = new ArrayList<>();
    private final Process[] gateways = new Process[2];
    private final int wanPaths;
    private final int queues;

    TwoGatewayLab() throws IOException {
        this(1);
    }

    public TwoGatewayLab(final int wanPaths) throws IOException {
        this(wanPaths, 1);
    }

    /**
     * @param wanPaths separate WAN links (veth pairs and bridges) between the gateways, 1 or 2
     * @param queues   transmit and receive queues of every veth (as many as the gateways run workers); a veth
     *                 delivers a frame on the peer's receive queue of the number it was sent on
     */
    public TwoGatewayLab(final int wanPaths, final int queues) throws IOException {
        if (wanPaths < 1 || wanPaths > WAN_NETWORKS.size()) {
            throw new IllegalArgumentException("1 or 2 WAN paths");
        }
        this.wanPaths = wanPaths;
        this.queues = queues;
        try (InputStream in = TwoGatewayLab.class.getResourceAsStream("lab_traffic.py")) {
            Files.write(traffic, in.readAllBytes());
        }
        try {
            build();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public String namespace(final String role) {
        return tag + "-" + role;
    }

    String gatewayNamespace(final Side side) {
        return namespace(side == Side.A ? "ga" : "gb");
    }

    public String hostNamespace(final Side side) {
        return namespace(side == Side.A ? "ha" : "hb");
    }

    /** The gateway's device toward its host ({@code lan}) or the (first) WAN. */
    public String device(final Side side, final boolean lan) {
        return lan ? tag + (side == Side.A ? "a" : "b") + "l" : wanDevice(side, 0);
    }

    /** The gateway's device on WAN path {@code path}. */
    public String wanDevice(final Side side, final int path) {
        return tag + (side == Side.A ? "a" : "b") + "w" + (path == 0 ? "" : path);
    }

    /** The gateway's address on WAN path {@code path}. */
    public static String wanAddress(final Side side, final int path) {
        return WAN_NETWORKS.get(path) + (side == Side.A ? ".1" : ".2");
    }

    /** The host's device toward its gateway. */
    String hostDevice(final Side side) {
        return tag + (side == Side.A ? "ha" : "hb");
    }

    /** The WAN namespace's end of the link to a gateway: where an attacker on the wire sends from. */
    String wanPort(final Side side) {
        return wanPort(side, 0);
    }

    /** The WAN namespace's end of gateway {@code side}'s link on path {@code path} (cut it to cut the path). */
    public String wanPort(final Side side, final int path) {
        return tag + "w" + (side == Side.A ? "a" : "b") + (path == 0 ? "" : path);
    }

    String bridge(final int path) {
        return tag + "br" + (path == 0 ? "" : path);
    }

    public Path dir() {
        return dir;
    }

    public Path countersFile(final Side side) {
        return dir.resolve("gw-" + side.name().toLowerCase() + "-counters.dat");
    }

    private void build() throws IOException {
        for (final String role : List.of("ha", "ga", "wan", "gb", "hb")) {
            run("ip", "netns", "add", namespace(role));
            in(namespace(role), "ip", "link", "set", "lo", "up");
        }
        // The WAN is IPv4 only: no link-local ND/MLD chatter, so a capture there holds only what the tunnel sends.
        for (final String knob : List.of("all", "default")) {
            in(namespace("wan"), "sysctl", "-qw", "net.ipv6.conf." + knob + ".disable_ipv6=1");
        }
        link(hostNamespace(Side.A), tag + "ha", gatewayNamespace(Side.A), device(Side.A, true));
        link(gatewayNamespace(Side.B), device(Side.B, true), hostNamespace(Side.B), tag + "hb");
        final String wan = namespace("wan");
        for (int path = 0; path < wanPaths; path++) {
            in(wan, "ip", "link", "add", bridge(path), "type", "bridge");
            for (final Side side : Side.values()) {
                link(gatewayNamespace(side), wanDevice(side, path), wan, wanPort(side, path));
                in(wan, "ip", "link", "set", wanPort(side, path), "master", bridge(path));
                final String ns = gatewayNamespace(side);
                in(ns, "ip", "addr", "add", wanAddress(side, path) + "/24", "dev", wanDevice(side, path));
                in(ns, "sysctl", "-qw", "net.ipv6.conf." + wanDevice(side, path) + ".disable_ipv6=1");
            }
            in(wan, "ip", "link", "set", bridge(path), "up");
        }
        gatewayAddresses(Side.A, "198.18.1.1/24", "2001:db8:1::1/64");
        gatewayAddresses(Side.B, "198.18.2.1/24", "2001:db8:2::1/64");
        host(Side.A, tag + "ha", HOST_A + "/24", "198.18.1.1", HOST_A6 + "/64", "2001:db8:1::1");
        host(Side.B, tag + "hb", HOST_B + "/24", "198.18.2.1", HOST_B6 + "/64", "2001:db8:2::1");
    }

    private void link(final String nsA, final String devA, final String nsB, final String devB) throws IOException {
        final String q = String.valueOf(queues);
        run("ip", "link", "add", devA, "netns", nsA, "numtxqueues", q, "numrxqueues", q, "type", "veth", "peer",
                "name", devB, "netns", nsB, "numtxqueues", q, "numrxqueues", q);
        in(nsA, "ip", "link", "set", devA, "up");
        in(nsB, "ip", "link", "set", devB, "up");
    }

    private void gatewayAddresses(final Side side, final String lan4, final String lan6) throws IOException {
        final String ns = gatewayNamespace(side);
        in(ns, "ip", "addr", "add", lan4, "dev", device(side, true));
        in(ns, "ip", "addr", "add", lan6, "dev", device(side, true), "nodad");
    }

    private void host(final Side side, final String dev, final String v4, final String gw4, final String v6,
                      final String gw6) throws IOException {
        final String ns = hostNamespace(side);
        in(ns, "ip", "addr", "add", v4, "dev", dev);
        in(ns, "ip", "addr", "add", v6, "dev", dev, "nodad");
        in(ns, "ip", "route", "add", "default", "via", gw4);
        in(ns, "ip", "-6", "route", "add", "default", "via", gw6);
        // veth leaves UDP/TCP checksums to an absent NIC; the gateway re-sends the frame as it is, so compute them.
        in(ns, "ethtool", "-K", dev, "tx", "off");
    }

    /** {@link #startGateways} with {@code suite}'s configs. */
    void startTunnel(final LabSuite suite) throws Exception {
        startGateways(suite.config(this, Side.A), suite.config(this, Side.B));
    }

    /**
     * Starts {@code xgate run} in the gateway's namespace with {@code yaml} as its config, and waits until its
     * outbound SA has a next hop (the peer answered ARP) or fails with the log.
     */
    void startGateway(final Side side, final String yaml) throws IOException, InterruptedException {
        final String name = "gw-" + side.name().toLowerCase();
        final Path config = dir.resolve(name + ".yaml");
        final Path log = log(side);
        Files.writeString(config, yaml);
        final List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", gatewayNamespace(side),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-D" + GatewayDaemon.IDLE_PROPERTY + "=backoff",
                "-cp", System.getProperty("java.class.path"),
                "io.xgate.controlplane.cli.XgateCli", "run", "--config", config.toString(),
                "--state-dir", freshStateDir(side).toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processes.add(process);
        gateways[side.ordinal()] = process;
    }

    /**
     * (Re)starts both gateways with these configs (one tunnel per WAN path), each on a fresh state directory, waits
     * until their SAs have next hops, lets the hosts teach their gateways their MACs (ARP/ND) and returns once a ping
     * crosses host-a → host-b with IPv4 and IPv6 inside; fails with both logs otherwise.
     */
    public void startGateways(final String configA, final String configB) throws IOException, InterruptedException {
        for (final Side side : Side.values()) {
            stopGateway(side);
        }
        startGateway(Side.A, configA);
        startGateway(Side.B, configB);
        for (final Side side : Side.values()) {
            awaitTunnelPath(side);
        }
        in(hostNamespace(Side.A), "ping", "-c", "1", "-W", "2", "198.18.1.1");
        in(hostNamespace(Side.B), "ping", "-c", "1", "-W", "2", "198.18.2.1");
        in(hostNamespace(Side.A), "ping", "-c", "1", "-W", "2", "2001:db8:1::1");
        in(hostNamespace(Side.B), "ping", "-c", "1", "-W", "2", "2001:db8:2::1");
        for (int attempt = 0; ; attempt++) {
            try {
                in(hostNamespace(Side.A), "ping", "-c", "1", "-W", "1", HOST_B);
                in(hostNamespace(Side.A), "ping", "-c", "1", "-W", "1", HOST_B6);
                return;
            } catch (final IOException e) {
                if (attempt == 5) {
                    throw new IOException(e.getMessage() + "\ngw-a:\n" + Files.readString(log(Side.A))
                            + "\ngw-b:\n" + Files.readString(log(Side.B)), e);
                }
            }
        }
    }

    /** Waits until each of the gateway's outbound SAs (one per WAN path) has a resolved next hop. */
    void awaitTunnelPath(final Side side) throws IOException, InterruptedException {
        final long deadline = System.currentTimeMillis() + READY_MILLIS;
        final java.util.regex.Pattern resolved = java.util.regex.Pattern.compile("SA 0x\\w+ sends via \\S+ \\(\\w\\w:");
        while (System.currentTimeMillis() < deadline) {
            final String text = Files.exists(log(side)) ? Files.readString(log(side)) : "";
            if (resolved.matcher(text).results().count() >= wanPaths) {
                return;
            }
            if (!gateways[side.ordinal()].isAlive()) {
                throw new IllegalStateException("gateway " + side + " exited:\n" + text);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("gateway " + side + " not ready:\n" + Files.readString(log(side)));
    }

    /** The gateway's management socket ({@code device.management-socket} in its config). */
    Path socket(final Side side) {
        return dir.resolve("gw-" + side.name().toLowerCase() + ".sock");
    }

    /** An empty state directory per start, so the gateway commits the config it is started with. */
    private Path freshStateDir(final Side side) throws IOException {
        final Path state = dir.resolve("state-" + side.name().toLowerCase());
        if (Files.exists(state)) {
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return state;
    }

    /** A counter of the gateway's counters file, by label (e.g. "tunnel tunnel.1: packets-out"). */
    public long counter(final Side side, final String label) throws IOException {
        try (CountersFile file = CountersFile.open(countersFile(side))) {
            final CountersReader reader = file.reader();
            final long[] value = {-1};
            reader.forEach((id, type, key, name) -> {
                if (name.equals(label)) {
                    value[0] = reader.getCounterValue(id);
                }
            });
            if (value[0] < 0) {
                throw new IllegalStateException("no counter '" + label + "'");
            }
            return value[0];
        }
    }

    /** Where the gateway's log ends now: {@link #awaitLog} and {@link #logSince} look only past it. */
    public int logMark(final Side side) throws IOException {
        return Files.readString(log(side)).length();
    }

    /** The gateway's log written since {@code mark}. */
    public String logSince(final Side side, final int mark) throws IOException {
        return Files.readString(log(side)).substring(mark);
    }

    /**
     * Waits until the gateway's log past {@code mark} matches {@code regex}; fails with the log after
     * {@code millis}.
     */
    public void awaitLog(final Side side, final int mark, final String regex, final long millis)
            throws IOException, InterruptedException {
        final java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        final long deadline = System.currentTimeMillis() + millis;
        while (!pattern.matcher(logSince(side, mark)).find()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("gateway " + side + " never logged /" + regex + "/:\n"
                        + Files.readString(log(side)));
            }
            Thread.sleep(10);
        }
    }

    public Path log(final Side side) {
        return dir.resolve("gw-" + side.name().toLowerCase() + ".log");
    }

    /** SIGTERM to the gateway's JVM (by PID) and waits for it to exit; returns its exit code. */
    public int stopGateway(final Side side) throws InterruptedException {
        final Process process = gateways[side.ordinal()];
        if (process == null) {
            return 0;
        }
        process.destroy();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway " + side + " ignored SIGTERM");
        }
        gateways[side.ordinal()] = null;
        return process.exitValue();
    }

    /** Any long-running command in a namespace, output to {@code log}; the lab stops it by PID at the latest. */
    Process startIn(final String namespace, final Path log, final String... command) throws IOException {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        final Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    /** lab_traffic.py in a namespace, left running (servers); the lab stops it by PID at the latest. */
    public Process startTraffic(final String namespace, final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "/usr/bin/python3",
                traffic.toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    String traffic(final String namespace, final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of("/usr/bin/python3", traffic.toString()));
        command.addAll(List.of(args));
        return in(namespace, command.toArray(String[]::new));
    }

    /**
     * tcpdump on the WAN at gw-a's bridge port (the bridge device itself only sees what is flooded to it) into
     * {@code pcap}: every frame gw-a sends or receives. Immediate mode, as SIGTERM discards what the kernel
     * still buffers for tcpdump. Returns once it listens; stop it with {@link #stop}.
     */
    Process startCapture(final Path pcap) throws IOException, InterruptedException {
        final Path stderr = dir.resolve("tcpdump.err");
        final Process process = new ProcessBuilder("ip", "netns", "exec", namespace("wan"), "tcpdump", "-i",
                wanPort(Side.A), "--immediate-mode", "-U", "-n", "-w", pcap.toString()).redirectError(stderr.toFile()).start();
        processes.add(process);
        final long deadline = System.currentTimeMillis() + READY_MILLIS;
        while (!Files.readString(stderr).contains("listening on")) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("tcpdump did not start: " + Files.readString(stderr));
            }
            Thread.sleep(50);
        }
        return process;
    }

    /** SIGTERM by PID, then wait. */
    public static void stop(final Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public String in(final String namespace, final String... command) throws IOException {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    static String run(final String... command) throws IOException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("timed out: " + String.join(" ", command));
            }
            final String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException {
        for (final Process process : processes) {
            try {
                stop(process);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        final List<String> failures = new ArrayList<>();
        for (final String role : List.of("ha", "ga", "wan", "gb", "hb")) {
            if (Files.exists(Path.of("/run/netns", namespace(role)))) {
                try {
                    run("ip", "netns", "del", namespace(role));
                } catch (final IOException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (!failures.isEmpty()) {
            throw new IOException("lab cleanup: " + failures);
        }
    }
}

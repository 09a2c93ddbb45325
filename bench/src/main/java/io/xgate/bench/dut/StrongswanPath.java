package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.linux.netlink.MacAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * generator → gen0/a-lan → strongSwan gw-a → a-wan/b-wan → strongSwan gw-b → b-lan/sink0 → sink: the xgate
 * topology with two strongSwan 5.9.8 {@code charon} daemons, each in a namespace of its own, joined by an IKEv2
 * PSK tunnel with AES-128-GCM ESP. This kernel has no ESP, so charon runs {@code kernel-libipsec}: ESP in user
 * space over a TUN device ({@code ipsec0}), the kernel routing the sink's network into it (routing table 220) and
 * forwarding what comes out. libipsec always puts ESP in UDP 4500 here, and its TUN carries packets of at most
 * 1400 bytes: larger ones leave gw-a's kernel as fragments, which the sink does not count (a fragment is not
 * the frame sent). IPv4 only.
 *
 * <p>Each charon gets its own {@code strongswan.conf} (through {@code STRONGSWAN_CONF}), vici socket, log and a
 * private {@code /run} ({@code unshare --mount} and a bind mount: its pid file path is compiled in). The
 * processes are stopped by their PIDs on {@link #close()}, then the namespaces and the directory are removed.
 */
public final class StrongswanPath implements TrafficPath {
    static final String CHARON = "/usr/lib/ipsec/charon";
    private static final String GENERATOR_MAC = "02:78:62:00:05:01";
    private static final String A_LAN_MAC = "02:78:62:00:05:02";
    private static final String B_LAN_MAC = "02:78:62:00:06:01";
    private static final String SINK_MAC = "02:78:62:00:06:02";
    private static final long START_TIMEOUT_MS = 10_000;
    private static final long STOP_TIMEOUT_MS = 5_000;
    private static final String IKE_PROPOSAL = "aes128gcm16-prfsha256-ecp256";
    private static final String ESP_PROPOSAL = "aes128gcm16";

    /** One gateway's addresses: WAN, LAN (inside its protected network, which routes need as source). */
    private record Side(String name, String wanIp, String peerWanIp, String lanDevice, String lanIp,
                        String localNetwork, String remoteNetwork) {
    }

    private static final Side A = new Side("a", "192.0.2.1", "192.0.2.2", "a-lan", "198.18.255.254/16",
            "198.18.0.0/16", "198.19.0.0/16");
    private static final Side B = new Side("b", "192.0.2.2", "192.0.2.1", "b-lan", "198.19.255.254/16",
            "198.19.0.0/16", "198.18.0.0/16");

    private final BenchNetwork bench;
    private final BenchNetwork gwA;
    private final BenchNetwork gwB;
    private final Path directory;
    private final List<Process> charons;

    private StrongswanPath(final BenchNetwork bench, final BenchNetwork gwA, final BenchNetwork gwB,
                           final Path directory, final List<Process> charons) {
        this.bench = bench;
        this.gwA = gwA;
        this.gwB = gwB;
        this.directory = directory;
        this.charons = charons;
    }

    public static StrongswanPath create() throws IOException {
        if (!Files.isExecutable(Path.of(CHARON))) {
            throw new IOException(CHARON + " missing: install strongswan-charon strongswan-swanctl "
                    + "libcharon-extra-plugins (scripts/lib/env.sh lists them)");
        }
        final BenchNetwork bench = BenchNetwork.create();
        final BenchNetwork gwA = BenchNetwork.create();
        final BenchNetwork gwB = BenchNetwork.create();
        final Path directory = Files.createTempDirectory("xgate-strongswan");
        final List<Process> started = new ArrayList<>();
        try {
            bench.addVethPair(GENERATOR_DEVICE, GENERATOR_MAC, A.lanDevice(), A_LAN_MAC);
            bench.addVethPair(B.lanDevice(), B_LAN_MAC, SINK_DEVICE, SINK_MAC);
            bench.addVethPair("a-wan", "02:78:62:00:0a:05", "b-wan", "02:78:62:00:0b:05");
            bench.moveTo(A.lanDevice(), gwA);
            bench.moveTo("a-wan", gwA);
            bench.moveTo(B.lanDevice(), gwB);
            bench.moveTo("b-wan", gwB);
            configure(gwA, A, "a-wan");
            configure(gwB, B, "b-wan");
            gwB.ip("neigh", "replace", SINK_V4.toString(), "lladdr", SINK_MAC, "dev", B.lanDevice(), "nud", "permanent");
            final String psk = "0x" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
            started.add(startCharon(gwA, directory.resolve("a"), A, psk));
            started.add(startCharon(gwB, directory.resolve("b"), B, psk));
            for (final Side side : List.of(A, B)) {
                final Path dir = directory.resolve(side.name());
                swanctl("--load-all", "--file", dir.resolve("swanctl.conf").toString(), "--uri", vici(dir));
            }
            swanctl("--initiate", "--child", "bench", "--timeout", "10", "--uri", vici(directory.resolve("a")));
            return new StrongswanPath(bench, gwA, gwB, directory, started);
        } catch (final IOException | RuntimeException e) {
            stop(started);
            removeAll(List.of(bench, gwA, gwB), directory);
            throw e;
        }
    }

    private static void configure(final BenchNetwork gw, final Side side, final String wan) throws IOException {
        gw.ip("link", "set", side.lanDevice(), "up");
        gw.ip("link", "set", wan, "up");
        gw.ip("link", "set", wan, "mtu", Integer.toString(GatewayPairPath.WAN_MTU));
        gw.ip("addr", "add", side.lanIp(), "dev", side.lanDevice());
        gw.ip("addr", "add", side.wanIp() + "/24", "dev", wan);
        gw.exec("sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0",
                "net.ipv4.conf.default.rp_filter=0");
    }

    private static Process startCharon(final BenchNetwork gw, final Path dir, final Side side, final String psk)
            throws IOException {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("strongswan.conf"), strongswanConf(dir), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("swanctl.conf"), swanctlConf(side, psk), StandardCharsets.UTF_8);
        // ip netns exec, unshare and sh all exec: the Process is charon itself, so its PID is charon's.
        final ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", gw.name(), "unshare", "--mount",
                "sh", "-c", "mount --bind \"$1\" /run && exec " + CHARON, "sh", dir.resolve("run").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("charon.out").toFile());
        builder.environment().put("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString());
        final Process charon = builder.start();
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!Files.exists(dir.resolve("charon.vici"))) {
            if (!charon.isAlive() || System.currentTimeMillis() > deadline) {
                charon.destroyForcibly();
                throw new IOException("charon " + side.name() + " did not open its vici socket: "
                        + Files.readString(dir.resolve("charon.out")));
            }
            sleep(50);
        }
        return charon;
    }

    /** kernel-libipsec before kernel-netlink: the first loaded provides the kernel's IPsec interface. */
    private static String strongswanConf(final Path dir) {
        return """
                charon {
                  load = random nonce openssl kdf kernel-libipsec kernel-netlink socket-default vici
                  plugins {
                    vici {
                      socket = unix://%s
                    }
                  }
                  filelog {
                    log {
                      path = %s
                      default = 1
                      flush_line = yes
                    }
                  }
                }
                """.formatted(dir.resolve("charon.vici"), dir.resolve("charon.log"));
    }

    private static String swanctlConf(final Side side, final String psk) {
        return """
                connections {
                  bench {
                    version = 2
                    local_addrs = %1$s
                    remote_addrs = %2$s
                    proposals = %5$s
                    local {
                      auth = psk
                      id = %1$s
                    }
                    remote {
                      auth = psk
                      id = %2$s
                    }
                    children {
                      bench {
                        local_ts = %3$s
                        remote_ts = %4$s
                        esp_proposals = %6$s
                      }
                    }
                  }
                }
                secrets {
                  ike-bench {
                    id-a = %1$s
                    id-b = %2$s
                    secret = %7$s
                  }
                }
                """.formatted(side.wanIp(), side.peerWanIp(), side.localNetwork(), side.remoteNetwork(),
                IKE_PROPOSAL, ESP_PROPOSAL, psk);
    }

    private static String vici(final Path dir) {
        return "unix://" + dir.resolve("charon.vici");
    }

    /** swanctl talks to charon over the vici socket, a file: it needs neither namespace. */
    private static void swanctl(final String... arguments) throws IOException {
        final String[] command = new String[arguments.length + 1];
        command[0] = "swanctl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        BenchNetwork.run(command);
    }

    private static void stop(final List<Process> charons) {
        for (final Process charon : charons) {
            charon.destroy(); // SIGTERM: charon removes its SAs, routes and TUN device
        }
        for (final Process charon : charons) {
            try {
                if (!charon.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    charon.destroyForcibly();
                    charon.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                }
            } catch (final InterruptedException e) {
                charon.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeAll(final List<BenchNetwork> networks, final Path directory) {
        for (final BenchNetwork network : networks) {
            try {
                network.close();
            } catch (final IOException e) {
                System.err.println("strongswan DUT: " + e.getMessage());
            }
        }
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final IOException e) {
            System.err.println("strongswan DUT: could not remove " + directory + ": " + e.getMessage());
        }
    }

    private static void sleep(final long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while charon started", e);
        }
    }

    @Override
    public Path namespace() {
        return bench.path();
    }

    @Override
    public TrafficProfile profile(final int flows, final boolean ipv6) {
        if (ipv6) {
            throw new IllegalArgumentException("the strongswan DUT carries IPv4 only");
        }
        return TrafficPath.profile(MacAddress.parse(GENERATOR_MAC).value(), MacAddress.parse(A_LAN_MAC).value(),
                flows, false);
    }

    /** Stops both charons by PID, then deletes the three namespaces and the configuration directory. */
    @Override
    public void close() {
        stop(charons);
        removeAll(List.of(bench, gwA, gwB), directory);
    }
}

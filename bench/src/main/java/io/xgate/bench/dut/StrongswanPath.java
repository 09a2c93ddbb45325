package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.linux.netlink.MacAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * generator → gen0/a-lan → strongSwan gw-a → a-wan/b-wan → strongSwan gw-b → b-lan/sink0 → sink: the xgate
 * topology with two strongSwan 5.9.8 {@code charon} daemons, each in a namespace of its own, joined by an IKEv2
 * PSK tunnel with AES-128-GCM ESP. This kernel has no ESP, so charon runs {@code kernel-libipsec}: ESP in user
 * space over a TUN device ({@code ipsec0}), the kernel routing the sink's network into it (routing table 220) and
 * forwarding what comes out. libipsec always puts ESP in UDP 4500 here, and its TUN carries packets of at most
 * 1400 bytes: larger ones leave gw-a's kernel as fragments, which the sink does not count (a fragment is not
 * the frame sent). IPv4 only.
 *
 * <p>Each charon is a {@link Charon} with its own directory. They are stopped by their PIDs on {@link #close()},
 * then the namespaces and the directory are removed.
 */
public final class StrongswanPath implements TrafficPath {
    private static final String GENERATOR_MAC = "02:78:62:00:05:01";
    private static final String A_LAN_MAC = "02:78:62:00:05:02";
    private static final String B_LAN_MAC = "02:78:62:00:06:01";
    private static final String SINK_MAC = "02:78:62:00:06:02";
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
    private final List<Charon> charons;

    private StrongswanPath(final BenchNetwork bench, final BenchNetwork gwA, final BenchNetwork gwB,
                           final Path directory, final List<Charon> charons) {
        this.bench = bench;
        this.gwA = gwA;
        this.gwB = gwB;
        this.directory = directory;
        this.charons = charons;
    }

    public static StrongswanPath create() throws IOException {
        final BenchNetwork bench = BenchNetwork.create();
        final BenchNetwork gwA = BenchNetwork.create();
        final BenchNetwork gwB = BenchNetwork.create();
        final Path directory = Files.createTempDirectory("xgate-strongswan");
        final List<Charon> started = new ArrayList<>();
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
            started.add(Charon.start(gwA, directory.resolve("a"), "", swanctlConf(A, psk)));
            started.add(Charon.start(gwB, directory.resolve("b"), "", swanctlConf(B, psk)));
            started.getFirst().swanctl("--initiate", "--child", "bench", "--timeout", "10");
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

    private static void stop(final List<Charon> charons) {
        charons.forEach(Charon::close);
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

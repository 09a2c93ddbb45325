package io.xgate.controlplane.cli;

import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.capture.PcapWriter;
import io.xgate.dataplane.capture.WiresharkKeyTables;
import io.xgate.dataplane.counters.CountersFile;
import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.FrameBuilder;
import io.xgate.dataplane.lab.TunnelLab;
import io.xgate.dataplane.sa.SaSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code xgate demo [--out DIR] [--packets N]}: two gateways joined by an AES-GCM Manual Key tunnel, run
 * through the real data plane in memory. Pings and UDP both ways (IPv4 and IPv6 inside), one replayed and one
 * corrupted packet; the WAN side is written as a pcap with its Wireshark key table so tshark can decrypt it.
 */
final class DemoCommand implements Command {
    private static final long NANOS_PER_PACKET = 1_000_000;

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        Path dir = Path.of("demo-out");
        int packets = 4;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--out" -> dir = Path.of(args.get(++i));
                case "--packets" -> packets = Integer.parseInt(args.get(++i));
                default -> {
                    err.println("usage: xgate demo [--out DIR] [--packets N]");
                    return XgateCli.USAGE;
                }
            }
        }
        Files.createDirectories(dir);
        final CryptoProviders.Selection crypto = CryptoProviders.select();
        out.println(crypto);
        final TunnelLab.Suite suite = TunnelLab.Suite.esp("aes-128-gcm", EncryptionAlgorithm.AES_128_GCM,
                IntegrityAlgorithm.NONE);
        try (CountersFile counters = CountersFile.create(dir.resolve("counters.dat"), 1024);
             TunnelLab lab = new TunnelLab(suite, crypto.provider(), counters.manager());
             PcapWriter wan = PcapWriter.create(dir.resolve("wan.pcap"));
             PcapWriter delivered = PcapWriter.create(dir.resolve("delivered.pcap"))) {
            out.printf("tunnel gw-a (192.0.2.1) <-> gw-b (192.0.2.2): ESP %s, SPI a->b 0x%08x, b->a 0x%08x%n",
                    suite.encryption().configName(), TunnelLab.SPI_A_TO_B, TunnelLab.SPI_B_TO_A);
            final long[] clock = {System.currentTimeMillis() * 1_000_000L};
            final List<byte[]> lastWire = new ArrayList<>();
            for (int i = 0; i < packets; i++) {
                for (final String[] hosts : List.of(new String[] {TunnelLab.HOST_A, TunnelLab.HOST_B},
                        new String[] {TunnelLab.HOST_A6, TunnelLab.HOST_B6})) {
                    final byte[] ping = FrameBuilder.echo(TunnelLab.MAC_HOST_A, TunnelLab.MAC_GW_A_LAN, hosts[0],
                            hosts[1], 0, 64, i, 56);
                    final List<byte[]> wire = lab.fromHostA(ping);
                    capture(wan, wire, clock);
                    capture(delivered, lab.toGwB(wire), clock);
                    lastWire.clear();
                    lastWire.addAll(wire);
                    final byte[] reply = FrameBuilder.udp(TunnelLab.MAC_HOST_B, TunnelLab.MAC_GW_B_LAN, hosts[1],
                            hosts[0], 40000 + i, 40000, 200);
                    final List<byte[]> back = lab.fromHostB(reply);
                    capture(wan, back, clock);
                    capture(delivered, lab.toGwA(back), clock);
                }
            }
            out.println("an attacker replays the last packet to gw-b, and flips one bit of the next one:");
            final byte[] next = lab.fromHostA(FrameBuilder.echo(TunnelLab.MAC_HOST_A, TunnelLab.MAC_GW_A_LAN,
                    TunnelLab.HOST_A, TunnelLab.HOST_B, 0, 64, packets, 56)).get(0);
            next[next.length - 1] ^= 0x01;
            final List<byte[]> attack = List.of(lastWire.get(0).clone(), next);
            capture(wan, attack, clock);
            capture(delivered, lab.toGwB(attack), clock);
            WiresharkKeyTables.write(dir.resolve("wireshark"), List.of(keys(lab.saAtoB()), keys(lab.saBtoA())),
                    List.of());
            report(out, "gw-a", lab.gwA().tables().tunnel(1).counters());
            report(out, "gw-b", lab.gwB().tables().tunnel(1).counters());
            out.println("files: " + dir.resolve("wan.pcap") + " (encrypted), " + dir.resolve("delivered.pcap")
                    + " (cleartext at the hosts), " + dir.resolve("wireshark") + " (WIRESHARK_CONFIG_DIR)");
        }
        return 0;
    }

    private static void capture(final PcapWriter w, final List<byte[]> frames, final long[] clock)
            throws java.io.IOException {
        for (final byte[] f : frames) {
            w.write(f, clock[0] += NANOS_PER_PACKET);
        }
    }

    private static EspSaKeys keys(final SaSpec sa) {
        return new EspSaKeys(sa.local().toInetAddress(), sa.peer().toInetAddress(), sa.spi(), sa.encryption(),
                sa.encryptionKey(), sa.integrity(), sa.integrityKey());
    }

    private static void report(final PrintStream out, final String gateway, final TrafficCounters c) {
        final StringBuilder drops = new StringBuilder();
        for (final DropReason r : DropReason.values()) {
            if (c.drops(r) > 0) {
                drops.append(' ').append(r.label()).append('=').append(c.drops(r));
            }
        }
        out.printf("%s tunnel.1: encap %d pkts %d bytes, decap %d pkts %d bytes, drops:%s%n", gateway,
                c.packetsOut(), c.bytesOut(), c.packetsIn(), c.bytesIn(), drops.isEmpty() ? " none" : drops);
    }
}

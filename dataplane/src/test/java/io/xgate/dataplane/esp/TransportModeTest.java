package io.xgate.dataplane.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.capture.PcapWriter;
import io.xgate.dataplane.capture.WiresharkKeyTables;
import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.FrameBuilder;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.PacketBuffer;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.TrafficSelector;
import io.xgate.dataplane.sa.Tunnel;
import io.xgate.dataplane.testkit.Tshark;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ESP transport mode (RFC 4303 §3.1.1) for traffic between the gateways themselves. */
class TransportModeTest {
    @Test
    void protectsAndRestoresAGatewayToGatewayDatagram(@TempDir final Path dir) throws IOException {
        final CryptoProvider crypto = CryptoProviders.select(CryptoProviders.AUTO).provider();
        final CountersManager counters = TestCounters.manager();
        final byte[] key = new byte[16];
        final byte[] hmac = new byte[32];
        Arrays.fill(key, (byte) 0x5A);
        Arrays.fill(hmac, (byte) 0x3C);
        final SaSpec spec = new SaSpec(0x00003001, 1, IpsecProtocol.ESP, IpsecMode.TRANSPORT,
                EncryptionAlgorithm.AES_128_CBC, key, IntegrityAlgorithm.SHA256_128, hmac, false, true, 64,
                IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), 0, 0, false, false, false,
                List.of(TrafficSelector.any(IpAddress.V4)));
        final Tunnel tunnel = new Tunnel(1, "tunnel.1", 1500, 0,
                new TrafficCounters(counters, CounterTypes.TUNNEL_TRAFFIC, CounterTypes.TUNNEL_DROP, "t", 1));
        final OutboundSa out = new OutboundSa(spec, crypto,
                new TrafficCounters(counters, CounterTypes.SA_TRAFFIC, CounterTypes.SA_DROP, "o", 1), tunnel);
        final InboundSa in = new InboundSa(spec, crypto,
                new TrafficCounters(counters, CounterTypes.SA_TRAFFIC, CounterTypes.SA_DROP, "i", 2), tunnel);

        final byte[] frame = FrameBuilder.udp(1, 2, "192.0.2.1", "192.0.2.2", 500, 500, 77);
        final byte[] ip = Arrays.copyOfRange(frame, 14, frame.length);
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment m = arena.allocate(2048, 64);
            final long start = 256;
            MemorySegment.copy(ip, 0, m, ValueLayout.JAVA_BYTE, start, ip.length);
            final PacketBuffer pkt = new PacketBuffer();
            pkt.wrap(m, 0, 2048, start, ip.length);
            assertNull(new Encapsulator().encapsulate(pkt, out));
            assertEquals(IpProtocol.ESP, m.get(ValueLayout.JAVA_BYTE, pkt.start() + 9));
            assertEquals(20 + 8 + 16 + 96 + 16, pkt.length(), "header, ESP header, IV, padded text, ICV");

            final byte[] wire = new byte[14 + pkt.length()];
            System.arraycopy(frame, 0, wire, 0, 14);
            MemorySegment.copy(m, ValueLayout.JAVA_BYTE, pkt.start(), wire, 14, pkt.length());
            final Path pcap = dir.resolve("transport.pcap");
            try (PcapWriter w = PcapWriter.create(pcap)) {
                w.write(wire, 0);
            }
            WiresharkKeyTables.write(dir.resolve("ws"), List.of(new EspSaKeys(spec.local().toInetAddress(),
                    spec.peer().toInetAddress(), spec.spi(), spec.encryption(), key, spec.integrity(), hmac)),
                    List.of());
            final Tshark tshark = new Tshark(dir.resolve("ws"));
            assertEquals(List.of(), tshark.espProblems(pcap));
            assertEquals("500", tshark.innerValues(pcap, "udp.dstport").get(0));

            assertNull(new Decapsulator().esp(pkt, pkt.start(), pkt.start() + 20, 0, in));
            final byte[] restored = m.asSlice(pkt.start(), pkt.length()).toArray(ValueLayout.JAVA_BYTE);
            assertArrayEquals(ip, restored);
        }
    }
}

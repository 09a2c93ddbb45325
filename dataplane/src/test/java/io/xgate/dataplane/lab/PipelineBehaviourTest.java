package io.xgate.dataplane.lab;

import static io.xgate.dataplane.lab.TunnelLab.HOST_A;
import static io.xgate.dataplane.lab.TunnelLab.HOST_B;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_A_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_B_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_B_WAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_A;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.TunnelLab.Suite;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.TrafficSelector;
import io.xgate.dataplane.worker.PuntHandler;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forwarding rules around the crypto: ToS/ECN, TTL, MTU, selectors, rekey, NAT-T demultiplexing. */
class PipelineBehaviourTest {
    private static final Suite GCM = Suite.esp("gcm128", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE);
    private static final CryptoProvider CRYPTO = CryptoProviders.select(CryptoProviders.AUTO).provider();

    private final List<DropReason> punted = new ArrayList<>();
    private final PuntHandler recorder = (reason, port, memory, offset, length) -> punted.add(reason);

    private TunnelLab lab(final Suite suite, final List<TrafficSelector> selectors, final int mtu) {
        return new TunnelLab(suite, CRYPTO, TestCounters.manager(), selectors, mtu, recorder);
    }

    private TunnelLab lab(final Suite suite) {
        return lab(suite, List.of(TrafficSelector.any(IpAddress.V4), TrafficSelector.any(IpAddress.V6)), 1500);
    }

    private static byte[] echo(final String src, final String dst, final int tos, final int ttl, final int size) {
        return FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, src, dst, tos, ttl, 1, size);
    }

    private static int outerTos(final byte[] frame) {
        return frame[15] & 0xFF;
    }

    /** Rewrites the outer IPv4 TOS as a congested router on the path would (checksum kept right). */
    private static byte[] withOuterTos(final byte[] frame, final int tos) {
        final byte[] copy = frame.clone();
        final Ipv4Packet ip = new Ipv4Packet();
        assertTrue(ip.wrap(MemorySegment.ofArray(copy), 14, copy.length));
        ip.tos(tos);
        return copy;
    }

    @Test
    void copyTosCarriesDscpAndEcnToTheOuterHeader() {
        try (TunnelLab on = lab(GCM.withCopyTos()); TunnelLab off = lab(GCM)) {
            assertEquals(0x28 | 2, outerTos(on.fromHostA(echo(HOST_A, HOST_B, 0x28 | 2, 64, 10)).get(0)));
            assertEquals(0xB8 | 2, outerTos(on.fromHostA(echo(HOST_A, HOST_B, 0xB8 | 3, 64, 10)).get(0)),
                    "inner CE goes out as ECT(0)");
            assertEquals(0, outerTos(off.fromHostA(echo(HOST_A, HOST_B, 0x28 | 2, 64, 10)).get(0)));
        }
    }

    @Test
    void congestionMarkOnTheOuterHeaderSurvivesDecapsulation() {
        try (TunnelLab lab = lab(GCM.withCopyTos())) {
            final byte[] wire = lab.fromHostA(echo(HOST_A, HOST_B, 0x28 | 2, 64, 10)).get(0);
            final List<byte[]> got = lab.toGwB(List.of(withOuterTos(wire, 0x28 | 3)));
            assertEquals(1, got.size());
            assertEquals(0x28 | 3, got.get(0)[15] & 0xFF, "inner ECT(0) + outer CE = CE");

            final byte[] notEct = lab.fromHostA(echo(HOST_A, HOST_B, 0x28, 64, 10)).get(0);
            assertEquals(0, lab.toGwB(List.of(withOuterTos(notEct, 3))).size(), "CE over Not-ECT is dropped");
            assertEquals(1, lab.gwB().tables().tunnel(1).counters().drops(DropReason.ECN));
        }
    }

    @Test
    void expiringTtlIsPuntedForTimeExceeded() {
        try (TunnelLab lab = lab(GCM)) {
            assertEquals(0, lab.fromHostA(echo(HOST_A, HOST_B, 0, 1, 10)).size());
            assertEquals(List.of(DropReason.TTL), punted);
            assertEquals(1, lab.gwA().lanContext().counters().drops(DropReason.TTL));
        }
    }

    @Test
    void packetsAboveTheTunnelMtuArePuntedForFragmentationNeeded() {
        try (TunnelLab lab = lab(GCM, List.of(TrafficSelector.any(IpAddress.V4)), 1400)) {
            assertEquals(1, lab.fromHostA(echo(HOST_A, HOST_B, 0, 64, 1400 - 28)).size());
            assertEquals(0, lab.fromHostA(echo(HOST_A, HOST_B, 0, 64, 1400 - 27)).size());
            assertEquals(List.of(DropReason.MTU), punted);
            assertEquals(1, lab.gwA().tables().tunnel(1).counters().drops(DropReason.MTU));
        }
    }

    @Test
    void trafficOutsideEveryProxyIdIsNotTunnelled() {
        final List<TrafficSelector> p1 = List.of(TunnelLab.proxyId("198.18.1.0/25", "198.18.2.0/24"));
        try (TunnelLab lab = lab(GCM, p1, 1500)) {
            assertEquals(1, lab.toGwB(lab.fromHostA(echo(HOST_A, HOST_B, 0, 64, 10))).size());
            assertEquals(0, lab.fromHostA(echo("198.18.1.200", HOST_B, 0, 64, 10)).size());
            assertEquals(1, lab.gwA().tables().tunnel(1).counters().drops(DropReason.SELECTOR));
        }
    }

    @Test
    void decapsulatedPacketsOutsideTheSelectorsAreDropped() {
        final List<TrafficSelector> p1 = List.of(TunnelLab.proxyId("198.18.1.0/25", "198.18.2.0/24"));
        try (TunnelLab narrow = lab(GCM, p1, 1500);
             TunnelLab wide = lab(GCM)) {
            // A peer that ignores the proxy IDs: same keys, wider policy, so its packets verify but don't fit.
            final SaSpec keys = narrow.saAtoB();
            final SaSpec widened = new SaSpec(keys.spi(), 1, keys.protocol(), keys.mode(), keys.encryption(),
                    keys.encryptionKey(), keys.integrity(), keys.integrityKey(), false, true, 1024, keys.local(),
                    keys.peer(), 0, 0, false, false, false, wide.saAtoB().selectors());
            wide.gwA().addOutbound(widened, MAC_GW_B_WAN);
            final List<byte[]> wire = wide.fromHostA(echo("198.18.1.200", HOST_B, 0, 64, 10));
            assertEquals(0, narrow.toGwB(wire).size());
            assertEquals(1, narrow.gwB().tables().inbound(TunnelLab.SPI_A_TO_B).counters()
                    .drops(DropReason.SELECTOR));
        }
    }

    @Test
    void rekeyKeepsTrafficFlowingAndTunnelCountersCumulative() {
        try (TunnelLab lab = lab(GCM)) {
            assertEquals(1, lab.toGwB(lab.fromHostA(echo(HOST_A, HOST_B, 0, 64, 10))).size());
            final List<byte[]> inFlight = lab.fromHostA(echo(HOST_A, HOST_B, 0, 64, 10));
            final SaSpec old = lab.saAtoB();
            final SaSpec next = new SaSpec(0x00001002, 1, old.protocol(), old.mode(), old.encryption(),
                    old.encryptionKey().clone(), old.integrity(), old.integrityKey(), false, true, 1024, old.local(),
                    old.peer(), 0, 0, false, false, false, old.selectors());
            lab.gwB().addInbound(next);               // make before break: new inbound first,
            lab.gwA().addOutbound(next, MAC_GW_B_WAN); // then switch outbound; the old inbound stays for stragglers
            final List<byte[]> after = lab.fromHostA(echo(HOST_A, HOST_B, 0, 64, 10));
            assertEquals(0x00001002, Wire.u32(MemorySegment.ofArray(after.get(0)), 14 + 20));
            assertEquals(1, lab.toGwB(after).size());
            assertEquals(1, lab.toGwB(inFlight).size(), "a packet sent under the old SA still decrypts");
            assertEquals(3, lab.gwB().tables().tunnel(1).counters().packetsIn(), "tunnel counts across SAs");
            assertEquals(3, lab.gwA().tables().tunnel(1).counters().packetsOut());
            assertEquals(1, lab.gwB().tables().inbound(0x00001002).counters().packetsIn());
        }
    }

    @Test
    void ikeAndKeepalivesOnPort4500GoToTheControlPlane() {
        try (TunnelLab lab = lab(GCM.withUdp())) {
            final byte[] ike = FrameBuilder.udp(MAC_GW_B_WAN, TunnelLab.MAC_GW_A_WAN, "192.0.2.2", "192.0.2.1",
                    4500, 4500, 40);
            Wire.u32(MemorySegment.ofArray(ike), 14 + 20 + 8, 0); // the non-ESP marker (RFC 3948 §2.2)
            final byte[] keepalive = FrameBuilder.udp(MAC_GW_B_WAN, TunnelLab.MAC_GW_A_WAN, "192.0.2.2",
                    "192.0.2.1", 4500, 4500, 1);
            MemorySegment.ofArray(keepalive).set(java.lang.foreign.ValueLayout.JAVA_BYTE, 14 + 20 + 8, (byte) 0xFF);
            assertEquals(0, lab.toGwA(List.of(ike, keepalive)).size());
            assertEquals(List.of(DropReason.PUNT, DropReason.PUNT), punted);
            assertEquals(0, lab.gwA().wanContext().counters().drops(DropReason.NO_SA));
        }
    }

    @Test
    void unknownSpiIsCountedOnThePort() {
        try (TunnelLab lab = lab(GCM)) {
            final byte[] wire = lab.fromHostA(echo(HOST_A, HOST_B, 0, 64, 10)).get(0);
            Wire.u32(MemorySegment.ofArray(wire), 14 + 20, 0x0BAD_0001);
            assertEquals(0, lab.toGwB(List.of(wire)).size());
            assertEquals(1, lab.gwB().wanContext().counters().drops(DropReason.NO_SA));
        }
    }

    @Test
    void greCarriesIpv6OverAnIpv4Tunnel() {
        try (TunnelLab lab = lab(GCM.withGre())) {
            final byte[] v6 = FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, TunnelLab.HOST_A6, TunnelLab.HOST_B6, 0,
                    64, 3, 80);
            final List<byte[]> wire = lab.fromHostA(v6);
            assertEquals(IpProtocol.ESP, wire.get(0)[14 + 9]);
            final List<byte[]> got = lab.toGwB(wire);
            TunnelLabTest.assertInnerEquals(v6, got.get(0), MAC_GW_B_LAN, MAC_HOST_B, 2);
        }
    }
}

package io.xgate.dataplane.lab;

import static io.xgate.dataplane.lab.TunnelLab.HOST_A;
import static io.xgate.dataplane.lab.TunnelLab.HOST_A6;
import static io.xgate.dataplane.lab.TunnelLab.HOST_B;
import static io.xgate.dataplane.lab.TunnelLab.HOST_B6;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_A_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_B_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_A;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.TunnelLab.Suite;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Wire;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole pipeline, both directions, every suite and inner/outer family, both crypto providers. */
class TunnelLabTest {
    static Stream<Suite> suites() {
        final Suite gcm = Suite.esp("gcm128", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE);
        return Stream.of(gcm,
                Suite.esp("gcm192", EncryptionAlgorithm.AES_192_GCM, IntegrityAlgorithm.NONE),
                Suite.esp("gcm256", EncryptionAlgorithm.AES_256_GCM, IntegrityAlgorithm.NONE),
                Suite.esp("cbc128-sha1", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA1_96),
                Suite.esp("cbc256-sha256", EncryptionAlgorithm.AES_256_CBC, IntegrityAlgorithm.SHA256_128),
                Suite.esp("cbc192-sha384", EncryptionAlgorithm.AES_192_CBC, IntegrityAlgorithm.SHA384_192),
                Suite.esp("cbc128-sha512", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA512_256),
                Suite.esp("3des-md5", EncryptionAlgorithm.DES3_CBC, IntegrityAlgorithm.MD5_96),
                Suite.esp("null-sha256", EncryptionAlgorithm.NULL, IntegrityAlgorithm.SHA256_128),
                Suite.ah("ah-sha256", IntegrityAlgorithm.SHA256_128),
                Suite.ah("ah-sha1", IntegrityAlgorithm.SHA1_96),
                Suite.ah("ah-sha512", IntegrityAlgorithm.SHA512_256).overIpv6(),
                gcm.withEsn(), gcm.withUdp(), gcm.withGre(), gcm.overIpv6(), gcm.overIpv6().withUdp(),
                Suite.esp("cbc-sha256", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA256_128).withEsn());
    }

    static Stream<Arguments> suitesAndProviders() {
        return suites().flatMap(s -> Stream.of(Arguments.of(s, CryptoProviders.JDK),
                Arguments.of(s, CryptoProviders.IPSEC_MB)));
    }

    private static CryptoProvider provider(final String name) {
        return CryptoProviders.select(name).provider();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndProviders")
    void carriesEveryFamilyBothWays(final Suite suite, final String providerName) {
        try (TunnelLab lab = new TunnelLab(suite, provider(providerName), TestCounters.manager())) {
            for (final String[] pair : new String[][] {{HOST_A, HOST_B}, {HOST_A6, HOST_B6}}) {
                final byte[] request = FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, pair[0], pair[1], 0, 64, 7, 100);
                final List<byte[]> wire = lab.fromHostA(request);
                assertEquals(1, wire.size(), "one protected frame on the WAN");
                assertProtected(suite, wire.get(0));
                final List<byte[]> delivered = lab.toGwB(wire);
                assertEquals(1, delivered.size(), "delivered to host-b");
                assertInnerEquals(request, delivered.get(0), MAC_GW_B_LAN, MAC_HOST_B, 2);

                final byte[] reply = FrameBuilder.echo(MAC_HOST_B, MAC_GW_B_LAN, pair[1], pair[0], 0, 64, 8, 100);
                final List<byte[]> back = lab.toGwA(lab.fromHostB(reply));
                assertEquals(1, back.size(), "delivered to host-a");
                assertInnerEquals(reply, back.get(0), MAC_GW_A_LAN, MAC_HOST_A, 2);
            }
            assertEquals(2, lab.gwB().tables().inbound(TunnelLab.SPI_A_TO_B).counters().packetsIn());
            assertEquals(2, lab.gwA().tables().tunnel(1).counters().packetsOut());
            assertEquals(2, lab.gwA().tables().tunnel(1).counters().packetsIn());
        }
    }

    private static void assertProtected(final Suite suite, final byte[] frame) {
        final MemorySegment f = MemorySegment.ofArray(frame);
        final boolean v4 = suite.outerFamily() == 4;
        final int protocol = v4 ? Wire.u8(f, 14 + 9) : Wire.u8(f, 14 + 6);
        final int expected = suite.udpEncapsulation() ? IpProtocol.UDP
                : suite.protocol() == io.xgate.dataplane.sa.IpsecProtocol.AH ? IpProtocol.AH : IpProtocol.ESP;
        assertEquals(expected, protocol, "outer protocol");
        final long header = 14 + (v4 ? 20 : 40) + (suite.udpEncapsulation() ? 8 : 0);
        final int spi = suite.protocol() == io.xgate.dataplane.sa.IpsecProtocol.AH
                ? Wire.u32(f, header + 4) : Wire.u32(f, header);
        assertEquals(TunnelLab.SPI_A_TO_B, spi, "SPI");
        assertEquals(TunnelLab.MAC_GW_B_WAN, Wire.mac(f, 0), "next hop MAC");
    }

    /** The delivered frame is the sent one with new MACs and a TTL lowered by {@code hops}. */
    static void assertInnerEquals(final byte[] sent, final byte[] got, final long src, final long dst,
                                  final int hops) {
        assertEquals(sent.length, got.length, "length");
        final MemorySegment g = MemorySegment.ofArray(got);
        assertEquals(dst, Wire.mac(g, 0));
        assertEquals(src, Wire.mac(g, 6));
        final byte[] expected = sent.clone();
        final MemorySegment e = MemorySegment.ofArray(expected);
        if ((Wire.u8(e, 14) >>> 4) == 4) {
            for (int i = 0; i < hops; i++) {
                final io.xgate.dataplane.packet.Ipv4Packet ip = new io.xgate.dataplane.packet.Ipv4Packet();
                assertTrue(ip.wrap(e, 14, expected.length));
                ip.decrementTtl();
            }
        } else {
            Wire.u8(e, 14 + 7, Wire.u8(e, 14 + 7) - hops);
        }
        System.arraycopy(got, 0, expected, 0, 12);
        assertArrayEquals(expected, got, "inner packet");
    }

    @org.junit.jupiter.api.Test
    void replayedAndCorruptedPacketsAreDroppedAndCounted() {
        final Suite gcm = Suite.esp("gcm128", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE);
        try (TunnelLab lab = new TunnelLab(gcm, provider(CryptoProviders.JDK), TestCounters.manager())) {
            final byte[] request = FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, HOST_A, HOST_B, 0, 64, 1, 64);
            final List<byte[]> first = lab.fromHostA(request);
            final List<byte[]> second = lab.fromHostA(request);
            assertEquals(1, lab.toGwB(first).size());
            assertEquals(0, lab.toGwB(List.of(first.get(0).clone())).size(), "replay dropped");
            final byte[] corrupted = second.get(0).clone();
            corrupted[corrupted.length - 20] ^= 1;
            assertEquals(0, lab.toGwB(List.of(corrupted)).size(), "corrupted dropped");
            assertEquals(1, lab.toGwB(second).size(), "the genuine packet still passes");
            final var sa = lab.gwB().tables().inbound(TunnelLab.SPI_A_TO_B).counters();
            assertEquals(1, sa.drops(DropReason.REPLAY));
            assertEquals(1, sa.drops(DropReason.INTEGRITY));
            assertEquals(1, lab.gwB().wanContext().counters().drops(DropReason.REPLAY));
        }
    }
}

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

import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.capture.PcapReader;
import io.xgate.dataplane.capture.PcapWriter;
import io.xgate.dataplane.capture.WiresharkKeyTables;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.TunnelLab.Suite;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.testkit.ScapyDecryption;
import io.xgate.dataplane.testkit.ScapyEsp;
import io.xgate.dataplane.testkit.ScapySa;
import io.xgate.dataplane.testkit.Tshark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against implementations that share no code with it: tshark decrypts and verifies what xgate
 * sends (scapy where tshark 4.0 cannot: ESN and AH), and xgate decrypts what scapy encrypts.
 */
class IndependentDecoderTest {
    private static final Suite GCM = Suite.esp("gcm128", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE);
    private static final Suite CBC = Suite.esp("cbc128-sha256", EncryptionAlgorithm.AES_128_CBC,
            IntegrityAlgorithm.SHA256_128);

    static Stream<Suite> tsharkSuites() {
        return Stream.of(GCM,
                Suite.esp("gcm192", EncryptionAlgorithm.AES_192_GCM, IntegrityAlgorithm.NONE),
                Suite.esp("gcm256", EncryptionAlgorithm.AES_256_GCM, IntegrityAlgorithm.NONE),
                CBC,
                Suite.esp("cbc256-sha512", EncryptionAlgorithm.AES_256_CBC, IntegrityAlgorithm.SHA512_256),
                Suite.esp("cbc192-sha384", EncryptionAlgorithm.AES_192_CBC, IntegrityAlgorithm.SHA384_192),
                Suite.esp("cbc128-sha1", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA1_96),
                Suite.esp("3des-md5", EncryptionAlgorithm.DES3_CBC, IntegrityAlgorithm.MD5_96),
                Suite.esp("null-sha256", EncryptionAlgorithm.NULL, IntegrityAlgorithm.SHA256_128),
                GCM.withUdp(), GCM.withGre(), GCM.overIpv6(), CBC.overIpv6().withUdp(), CBC.withGre());
    }

    static Stream<Suite> scapySuites() {
        return Stream.of(GCM, CBC, GCM.withEsn(), CBC.withEsn(), GCM.withUdp(), GCM.overIpv6(),
                Suite.esp("3des-md5", EncryptionAlgorithm.DES3_CBC, IntegrityAlgorithm.MD5_96),
                Suite.esp("null-sha1", EncryptionAlgorithm.NULL, IntegrityAlgorithm.SHA1_96),
                Suite.ah("ah-sha256", IntegrityAlgorithm.SHA256_128),
                Suite.ah("ah-sha1", IntegrityAlgorithm.SHA1_96).overIpv6());
    }

    private static List<byte[]> traffic() {
        return List.of(
                FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, HOST_A, HOST_B, 0x28, 64, 1, 56),
                FrameBuilder.udp(MAC_HOST_A, MAC_GW_A_LAN, HOST_A, HOST_B, 40000, 40002, 300),
                FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, HOST_A6, HOST_B6, 0, 64, 2, 1000),
                FrameBuilder.udp(MAC_HOST_A, MAC_GW_A_LAN, HOST_A6, HOST_B6, 40001, 40003, 1),
                FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, HOST_A, HOST_B, 0, 64, 3, 1400));
    }

    private static List<byte[]> sendAll(final TunnelLab lab, final List<byte[]> frames) {
        final List<byte[]> wire = new ArrayList<>();
        for (final byte[] f : frames) {
            wire.addAll(lab.fromHostA(f));
        }
        assertEquals(frames.size(), wire.size(), "every frame protected");
        return wire;
    }

    static EspSaKeys keys(final SaSpec sa) {
        return new EspSaKeys(sa.local().toInetAddress(), sa.peer().toInetAddress(), sa.spi(), sa.encryption(),
                sa.encryptionKey(), sa.integrity(), sa.integrityKey());
    }

    private static ScapySa scapySa(final Suite suite, final SaSpec sa) {
        ScapySa s = suite.protocol() == IpsecProtocol.AH ? ScapySa.ahTunnel(keys(sa)) : ScapySa.espTunnel(keys(sa));
        if (suite.esn()) {
            s = s.withEsn();
        }
        if (suite.udpEncapsulation()) {
            s = s.withNatT();
        }
        return s;
    }

    private static void writePcap(final Path pcap, final List<byte[]> frames) throws IOException {
        try (PcapWriter w = PcapWriter.create(pcap)) {
            long t = 1_700_000_000_000_000_000L;
            for (final byte[] f : frames) {
                w.write(f, t += 1000);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tsharkSuites")
    void tsharkDecryptsWhatXgateSends(final Suite suite, @TempDir final Path dir) throws IOException {
        try (TunnelLab lab = new TunnelLab(suite, CryptoProviders.select(CryptoProviders.AUTO).provider(),
                TestCounters.manager())) {
            final Path pcap = dir.resolve(suite.name() + ".pcap");
            writePcap(pcap, sendAll(lab, traffic()));
            final Path keys = dir.resolve("wireshark");
            WiresharkKeyTables.write(keys, List.of(keys(lab.saAtoB())), List.of());
            final Tshark tshark = new Tshark(keys);
            assertEquals(List.of(), tshark.espProblems(pcap));
            final List<String> v4 = tshark.innerValues(pcap, "ip.dst");
            final List<String> v6 = tshark.innerValues(pcap, "ipv6.dst");
            assertEquals(HOST_B, v4.get(0));
            assertEquals(HOST_B, v4.get(1));
            assertEquals(HOST_B6, v6.get(2));
            assertEquals(HOST_B6, v6.get(3));
            assertEquals(List.of("17", "17"), List.of(tshark.innerValues(pcap, "ip.proto").get(1),
                    tshark.innerValues(pcap, "ipv6.nxt").get(3)));
            if (suite.gre()) {
                assertEquals("0x0800", tshark.innerValues(pcap, "gre.proto").get(0));
            }
        }
    }

    /** tshark does not verify AH ICVs (scapy does, below), but it must parse our AH and see the inner packets. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ahSuites")
    void tsharkParsesXgateAh(final Suite suite, @TempDir final Path dir) throws IOException {
        try (TunnelLab lab = new TunnelLab(suite, CryptoProviders.select(CryptoProviders.AUTO).provider(),
                TestCounters.manager())) {
            final Path pcap = dir.resolve(suite.name() + ".pcap");
            writePcap(pcap, sendAll(lab, traffic()));
            final Tshark tshark = new Tshark(dir);
            assertEquals(List.of("0x00001001", "0x00001001", "0x00001001", "0x00001001", "0x00001001"),
                    tshark.innerValues(pcap, "ah.spi"));
            assertEquals(List.of("1", "2", "3", "4", "5"), tshark.innerValues(pcap, "ah.sequence"));
            assertEquals(HOST_B, tshark.innerValues(pcap, "ip.dst").get(0));
            assertEquals(HOST_B6, tshark.innerValues(pcap, "ipv6.dst").get(2));
        }
    }

    static Stream<Suite> ahSuites() {
        return Stream.of(Suite.ah("ah-sha256", IntegrityAlgorithm.SHA256_128),
                Suite.ah("ah-sha384", IntegrityAlgorithm.SHA384_192).overIpv6());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scapySuites")
    void scapyDecryptsWhatXgateSends(final Suite suite, @TempDir final Path dir) throws IOException {
        try (TunnelLab lab = new TunnelLab(suite, CryptoProviders.select(CryptoProviders.AUTO).provider(),
                TestCounters.manager())) {
            if (suite.esn()) {
                lab.gwA().tables().tunnel(1).children()[0].sequence(0xFFFF_FFFEL);
            }
            final List<byte[]> sent = traffic();
            final Path pcap = dir.resolve(suite.name() + ".pcap");
            writePcap(pcap, sendAll(lab, sent));
            final List<ScapyDecryption> result = ScapyEsp.decrypt(scapySa(suite, lab.saAtoB()), 0, pcap);
            assertEquals(sent.size(), result.size());
            for (int i = 0; i < sent.size(); i++) {
                assertTrue(result.get(i).ok(), suite.name() + " packet " + i + ": " + result.get(i).error());
                final byte[] inner = Arrays.copyOfRange(sent.get(i), 14, sent.get(i).length);
                final byte[] expected = ttlLowered(inner);
                assertArrayEquals(expected, result.get(i).inner(), "inner packet " + i);
            }
            if (suite.esn()) {
                assertEquals(0x1_0000_0001L, result.get(3).sequence(), "sequence crossed 2^32");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scapySuites")
    void xgateDecryptsWhatScapySends(final Suite suite, @TempDir final Path dir) throws IOException {
        try (TunnelLab lab = new TunnelLab(suite, CryptoProviders.select(CryptoProviders.AUTO).provider(),
                TestCounters.manager())) {
            final List<byte[]> frames = traffic();
            final List<byte[]> inner = frames.stream().map(f -> Arrays.copyOfRange(f, 14, f.length)).toList();
            final Path pcap = dir.resolve(suite.name() + ".pcap");
            final long[] seqs = suite.esn()
                    ? new long[] {0xFFFF_FFFEL, 0xFFFF_FFFFL, 0x1_0000_0000L, 0x1_0000_0001L, 0x1_0000_0002L}
                    : new long[] {1, 2, 3, 4, 5};
            ScapyEsp.encrypt(scapySa(suite, lab.saAtoB()), seqs, inner, pcap);
            final List<byte[]> delivered = lab.toGwB(PcapReader.readFrames(pcap));
            assertEquals(frames.size(), delivered.size(), "all delivered: drops "
                    + lab.gwB().wanContext().counters().totalDrops());
            for (int i = 0; i < frames.size(); i++) {
                TunnelLabTest.assertInnerEquals(frames.get(i), delivered.get(i), MAC_GW_B_LAN, MAC_HOST_B, 1);
            }
        }
    }

    private static byte[] ttlLowered(final byte[] ip) {
        final byte[] copy = ip.clone();
        final var s = java.lang.foreign.MemorySegment.ofArray(copy);
        if ((copy[0] >> 4) == 4) {
            final io.xgate.dataplane.packet.Ipv4Packet p = new io.xgate.dataplane.packet.Ipv4Packet();
            p.wrap(s, 0, copy.length);
            p.decrementTtl();
        } else {
            copy[7]--;
        }
        return copy;
    }
}

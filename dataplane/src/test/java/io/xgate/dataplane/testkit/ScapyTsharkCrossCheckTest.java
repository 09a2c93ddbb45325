package io.xgate.dataplane.testkit;

import static io.xgate.dataplane.crypto.EncryptionAlgorithm.AES_128_CBC;
import static io.xgate.dataplane.crypto.EncryptionAlgorithm.AES_128_GCM;
import static io.xgate.dataplane.crypto.EncryptionAlgorithm.AES_192_CBC;
import static io.xgate.dataplane.crypto.EncryptionAlgorithm.AES_192_GCM;
import static io.xgate.dataplane.crypto.EncryptionAlgorithm.AES_256_CBC;
import static io.xgate.dataplane.crypto.EncryptionAlgorithm.AES_256_GCM;
import static io.xgate.dataplane.crypto.EncryptionAlgorithm.DES3_CBC;
import static io.xgate.dataplane.crypto.EncryptionAlgorithm.NULL;
import static io.xgate.dataplane.crypto.IntegrityAlgorithm.MD5_96;
import static io.xgate.dataplane.crypto.IntegrityAlgorithm.NONE;
import static io.xgate.dataplane.crypto.IntegrityAlgorithm.SHA1_96;
import static io.xgate.dataplane.crypto.IntegrityAlgorithm.SHA256_128;
import static io.xgate.dataplane.crypto.IntegrityAlgorithm.SHA384_192;
import static io.xgate.dataplane.crypto.IntegrityAlgorithm.SHA512_256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.capture.PcapReader;
import io.xgate.dataplane.capture.PcapWriter;
import io.xgate.dataplane.capture.WiresharkKeyTables;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** scapy encrypts, tshark and scapy decrypt: the two independent decoders agree before the engine is judged. */
class ScapyTsharkCrossCheckTest {
    private static final byte[] PAYLOAD = "xgate cross-check".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    record Suite(int outerVersion, int innerVersion, EncryptionAlgorithm encryption, IntegrityAlgorithm integrity,
                 boolean natT) {
        @Override
        public String toString() {
            return encryption.configName() + "/" + integrity.configName() + " v" + innerVersion + " in v"
                + outerVersion + (natT ? " NAT-T" : "");
        }
    }

    static Stream<Suite> suites() {
        return Stream.of(
            new Suite(4, 4, AES_128_GCM, NONE, false),
            new Suite(4, 4, AES_192_GCM, NONE, false),
            new Suite(6, 6, AES_256_GCM, NONE, false),
            new Suite(4, 4, AES_128_CBC, SHA256_128, false),
            new Suite(4, 6, AES_192_CBC, SHA384_192, false),
            new Suite(6, 4, AES_256_CBC, SHA512_256, false),
            new Suite(4, 4, DES3_CBC, MD5_96, false),
            new Suite(4, 4, NULL, SHA1_96, false),
            new Suite(4, 4, AES_128_GCM, NONE, true),
            new Suite(6, 4, AES_256_CBC, SHA1_96, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void tsharkDecryptsWhatScapyEncrypted(final Suite suite) throws IOException {
        final EspSaKeys keys = Suites.sa(suite.outerVersion(), 0x1001,
            suite.encryption(), suite.integrity());
        final ScapySa sa = suite.natT() ? ScapySa.espTunnel(keys).withNatT() : ScapySa.espTunnel(keys);
        final List<byte[]> inner = List.of(echo(suite.innerVersion(), 1), echo(suite.innerVersion(), 2));
        final Path pcap = dir.resolve("scapy.pcap");
        ScapyEsp.encrypt(sa, inner, pcap);

        final Tshark tshark = new Tshark(WiresharkKeyTables.write(dir.resolve("ws"), List.of(keys), List.of()));
        assertEquals(List.of(), tshark.espProblems(pcap));
        final String addressField = suite.innerVersion() == 4 ? "ip.src" : "ipv6.src";
        for (final TsharkPacket packet : tshark.packets(pcap, "", addressField, "esp.sequence", "udp.dstport")) {
            assertEquals(suite.innerVersion() == 4 ? "198.18.0.1" : "2001:db8:1::1", packet.last(addressField));
            assertEquals(suite.natT() ? List.of("4500") : List.of(), packet.all("udp.dstport"));
        }
        assertEquals(List.of("1", "2"), tshark.innerValues(pcap, "esp.sequence"));

        final List<ScapyDecryption> decrypted = ScapyEsp.decrypt(sa, 0, pcap);
        assertEquals(2, decrypted.size());
        for (int i = 0; i < inner.size(); i++) {
            assertTrue(decrypted.get(i).ok(), decrypted.get(i).error());
            assertArrayEquals(inner.get(i), decrypted.get(i).inner());
        }
    }

    @Test
    void ipv4InIpv4ShowsOuterFirstAndInnerLast() throws IOException {
        final EspSaKeys keys = Suites.sa(4, 0x2001, AES_128_GCM, NONE);
        final Path pcap = dir.resolve("gcm.pcap");
        ScapyEsp.encrypt(ScapySa.espTunnel(keys), List.of(echo(4, 1)), pcap);
        final TsharkPacket packet = new Tshark(WiresharkKeyTables.write(dir.resolve("ws"), List.of(keys), List.of()))
            .packets(pcap, "", "ip.src", "ip.dst", "icmp.type", "icmp.checksum.status", "esp.spi").getFirst();
        assertEquals(List.of(Suites.OUTER_V4_SRC, "198.18.0.1"), packet.all("ip.src"));
        assertEquals(List.of(Suites.OUTER_V4_DST, "198.18.1.1"), packet.all("ip.dst"));
        assertEquals("8", packet.last("icmp.type"));
        assertEquals("1", packet.last("icmp.checksum.status"), "TestPackets computes a good ICMP checksum");
        assertEquals("0x00002001", packet.first("esp.spi"));
    }

    @Test
    void aCorruptedIcvIsCaughtByBothDecoders() throws IOException {
        final EspSaKeys keys = Suites.sa(4, 0x3001, AES_128_CBC, SHA256_128);
        final Path pcap = dir.resolve("scapy.pcap");
        ScapyEsp.encrypt(ScapySa.espTunnel(keys), List.of(echo(4, 1)), pcap);
        final byte[] frame = PcapReader.readFrames(pcap).getFirst();
        frame[frame.length - 1] ^= 1;
        final Path corrupted = dir.resolve("corrupted.pcap");
        try (PcapWriter writer = PcapWriter.create(corrupted)) {
            writer.write(frame, 0);
        }
        final Tshark tshark = new Tshark(WiresharkKeyTables.write(dir.resolve("ws"), List.of(keys), List.of()));
        assertEquals(1, tshark.espProblems(corrupted).size(), tshark.espProblems(corrupted)::toString);
        final ScapyDecryption verdict = ScapyEsp.decrypt(ScapySa.espTunnel(keys), 0, corrupted).getFirst();
        assertFalse(verdict.ok());
        assertTrue(verdict.error().startsWith("IPSecIntegrityError"), verdict.error());
    }

    @Test
    void aCaptureWithoutTheKeysIsNotReportedGood() throws IOException {
        final EspSaKeys keys = Suites.sa(4, 0x3002, AES_128_GCM, NONE);
        final Path pcap = dir.resolve("scapy.pcap");
        ScapyEsp.encrypt(ScapySa.espTunnel(keys), List.of(echo(4, 1)), pcap);
        final EspSaKeys otherSpi = Suites.sa(4, 0x3003, AES_128_GCM, NONE);
        final Tshark tshark = new Tshark(WiresharkKeyTables.write(dir.resolve("ws"), List.of(otherSpi), List.of()));
        assertEquals(1, tshark.espProblems(pcap).size());
    }

    @Test
    void esnSequenceNumbersCrossTheWrapInScapy() throws IOException {
        final ScapySa sa = ScapySa.espTunnel(Suites.sa(4, 0x4001, AES_128_CBC, SHA256_128)).withEsn();
        final Path pcap = dir.resolve("esn.pcap");
        final long[] sequences = {0xffff_fffeL, 0xffff_ffffL, 0x1_0000_0000L, 0x1_0000_0001L};
        ScapyEsp.encrypt(sa, sequences, List.of(echo(4, 1), echo(4, 2), echo(4, 3), echo(4, 4)), pcap);
        final List<ScapyDecryption> decrypted = ScapyEsp.decrypt(sa, 0, pcap);
        assertEquals(List.of(true, true, true, true), decrypted.stream().map(ScapyDecryption::ok).toList());
        assertEquals(List.of(0xffff_fffeL, 0xffff_ffffL, 0x1_0000_0000L, 0x1_0000_0001L),
            decrypted.stream().map(ScapyDecryption::sequence).toList());
        assertFalse(ScapyEsp.decrypt(sa.withoutEsn(), 0, pcap).get(2).ok(), "the high half is in the ICV");
    }

    @Test
    void transportModeProtectsThePacketBetweenTheSaAddresses() throws IOException {
        final EspSaKeys keys = Suites.sa(4, 0x6001, AES_256_GCM, NONE);
        final byte[] packet = TestPackets.udpV4((Inet4Address) keys.source(), (Inet4Address) keys.destination(),
            0xb8, 40000, 9, PAYLOAD);
        final ScapySa sa = ScapySa.espTunnel(keys).inTransportMode();
        final Path pcap = dir.resolve("transport.pcap");
        ScapyEsp.encrypt(sa, List.of(packet), pcap);
        final Tshark tshark = new Tshark(WiresharkKeyTables.write(dir.resolve("ws"), List.of(keys), List.of()));
        assertEquals(List.of(), tshark.espProblems(pcap));
        final TsharkPacket decoded = tshark.packets(pcap, "", "ip.src", "ip.dsfield", "udp.dstport").getFirst();
        assertEquals(List.of(Suites.OUTER_V4_SRC), decoded.all("ip.src"), "one IP header in transport mode");
        assertEquals("0xb8", decoded.first("ip.dsfield"));
        assertEquals("9", decoded.first("udp.dstport"));
        final ScapyDecryption verdict = ScapyEsp.decrypt(sa, 0, pcap).getFirst();
        assertTrue(verdict.ok(), verdict.error());
        assertArrayEquals(packet, verdict.inner());
    }

    @Test
    void ahTunnelRoundTripsInScapyAndDissectsInTshark() throws IOException {
        final EspSaKeys keys = Suites.sa(6, 0x5001, NULL, SHA256_128);
        final Path pcap = dir.resolve("ah.pcap");
        final byte[] inner = echo(6, 1);
        ScapyEsp.encrypt(ScapySa.ahTunnel(keys), List.of(inner), pcap);
        final ScapyDecryption verdict = ScapyEsp.decrypt(ScapySa.ahTunnel(keys), 0, pcap).getFirst();
        assertTrue(verdict.ok(), verdict.error());
        assertArrayEquals(inner, verdict.inner());
        final TsharkPacket packet = new Tshark(WiresharkKeyTables.write(dir.resolve("ws"), List.of(), List.of()))
            .packets(pcap, "ah", "ah.spi", "ipv6.dst").getFirst();
        assertEquals("0x00005001", packet.first("ah.spi"));
        assertEquals("2001:db8:2::1", packet.last("ipv6.dst"));
    }

    @Test
    void tsharkRefusesAKeyTableItCannotLoad() throws IOException {
        final Path config = WiresharkKeyTables.write(dir.resolve("ws"), List.of(), List.of());
        Files.writeString(config.resolve(WiresharkKeyTables.ESP_SA_FILE),
            "\"IPv4\",\"*\",\"*\",\"*\",\"ROT13\",\"\",\"NULL\",\"\"\n");
        final Path pcap = dir.resolve("scapy.pcap");
        ScapyEsp.encrypt(ScapySa.espTunnel(Suites.sa(4, 1, AES_128_GCM, NONE)), List.of(echo(4, 1)), pcap);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new Tshark(config).packets(pcap, "", "esp.spi"));
        assertTrue(e.getMessage().contains("Error loading table"), e.getMessage());
    }

    private static byte[] echo(final int version, final int seq) throws IOException {
        if (version == 4) {
            return TestPackets.icmpEchoV4((Inet4Address) InetAddress.getByName("198.18.0.1"),
                (Inet4Address) InetAddress.getByName("198.18.1.1"), 0, 0x77, seq, PAYLOAD);
        }
        return TestPackets.icmpEchoV6((Inet6Address) InetAddress.getByName("2001:db8:1::1"),
            (Inet6Address) InetAddress.getByName("2001:db8:2::1"), 0, 0x77, seq, PAYLOAD);
    }
}

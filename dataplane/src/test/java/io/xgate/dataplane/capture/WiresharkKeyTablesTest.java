package io.xgate.dataplane.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiresharkKeyTablesTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void gcmRowNamesTheIcvLengthInTheEncryptionAndNullAuthentication() throws IOException {
        final EspSaKeys sa = new EspSaKeys(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("198.51.100.1"),
            0x1001, EncryptionAlgorithm.AES_128_GCM, HEX.parseHex("000102030405060708090a0b0c0d0e0fcafebabe"),
            IntegrityAlgorithm.NONE, new byte[0]);
        assertEquals("\"IPv4\",\"192.0.2.1\",\"198.51.100.1\",\"0x00001001\",\"AES-GCM with 16 octet ICV [RFC4106]\","
            + "\"0x000102030405060708090a0b0c0d0e0fcafebabe\",\"NULL\",\"\"", WiresharkKeyTables.espSaLine(sa));
    }

    @Test
    void ipv6NullEncryptionRowLeavesTheEncryptionKeyEmpty() throws IOException {
        final EspSaKeys sa = new EspSaKeys(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("2001:db8::2"),
            0xfffffffe, EncryptionAlgorithm.NULL, new byte[0], IntegrityAlgorithm.SHA1_96, new byte[20]);
        assertEquals("\"IPv6\",\"2001:db8:0:0:0:0:0:1\",\"2001:db8:0:0:0:0:0:2\",\"0xfffffffe\",\"NULL\",\"\","
            + "\"HMAC-SHA-1-96 [RFC2404]\",\"0x" + "00".repeat(20) + "\"", WiresharkKeyTables.espSaLine(sa));
    }

    @Test
    void ikev2RowHasBareHexAndQuotedAlgorithms() {
        final IkeSaKeys sa = new IkeSaKeys(0x0102030405060708L, 0x1112131415161718L,
            EncryptionAlgorithm.AES_256_CBC, new byte[32], new byte[32], IntegrityAlgorithm.SHA256_128,
            new byte[32], new byte[32]);
        final String key = "00".repeat(32);
        assertEquals("0102030405060708,1112131415161718," + key + "," + key + ",\"AES-CBC-256 [RFC3602]\","
            + key + "," + key + ",\"HMAC_SHA2_256_128 [RFC4868]\"", WiresharkKeyTables.ikev2Line(sa));
    }

    @Test
    void writesAllThreeFilesReadableOnlyByTheOwner() throws IOException {
        final Path config = WiresharkKeyTables.write(dir.resolve("ws"), List.of(), List.of());
        for (final String name : List.of(WiresharkKeyTables.ESP_SA_FILE, WiresharkKeyTables.IKEV2_FILE,
            WiresharkKeyTables.PREFERENCES_FILE)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve(name))));
        }
        assertEquals(WiresharkKeyTables.PREFERENCES, Files.readString(config.resolve(WiresharkKeyTables.PREFERENCES_FILE)));
    }

    @Test
    void keysStayOutOfToStringAndErrors() throws IOException {
        final byte[] key = HEX.parseHex("5ec7e75ec7e75ec7e75ec7e75ec7e75e");
        final EspSaKeys sa = new EspSaKeys(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("198.51.100.1"),
            7, EncryptionAlgorithm.AES_128_CBC, key, IntegrityAlgorithm.SHA256_128, new byte[32]);
        assertFalse(sa.toString().contains("5ec7e7"), sa.toString());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EspSaKeys(
            InetAddress.getByName("192.0.2.1"), InetAddress.getByName("198.51.100.1"), 7,
            EncryptionAlgorithm.AES_256_CBC, key, IntegrityAlgorithm.SHA256_128, new byte[32]));
        assertEquals("encryption key is 16 bytes, expected 32", e.getMessage());
    }

    @Test
    void invalidCombinationsAreRejected() throws IOException {
        final InetAddress v4 = InetAddress.getByName("192.0.2.1");
        final InetAddress v6 = InetAddress.getByName("2001:db8::1");
        assertThrows(IllegalArgumentException.class, () -> new EspSaKeys(v4, v4, 1,
            EncryptionAlgorithm.AES_128_GCM, new byte[20], IntegrityAlgorithm.SHA1_96, new byte[20]));
        assertThrows(IllegalArgumentException.class, () -> new EspSaKeys(v4, v4, 1,
            EncryptionAlgorithm.NULL, new byte[0], IntegrityAlgorithm.NONE, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new EspSaKeys(v4, v6, 1,
            EncryptionAlgorithm.AES_128_GCM, new byte[20], IntegrityAlgorithm.NONE, new byte[0]));
    }

    @Test
    void keyArraysAreCopied() throws IOException {
        final byte[] key = new byte[20];
        final EspSaKeys sa = new EspSaKeys(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("198.51.100.1"),
            1, EncryptionAlgorithm.AES_128_GCM, key, IntegrityAlgorithm.NONE, new byte[0]);
        key[0] = 1;
        sa.encryptionKey()[1] = 1;
        assertEquals("00".repeat(20), HEX.formatHex(sa.encryptionKey()));
    }
}

package io.xgate.dataplane.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the key tables Wireshark and tshark read from their configuration directory (point
 * {@code WIRESHARK_CONFIG_DIR} at it), so captures of our ESP and IKEv2 traffic can be decrypted by an
 * independent implementation. Files, not {@code -o uat:...} options: several of those do not add up,
 * only the last one survives. The files hold keys, so only their owner may read them.
 */
public final class WiresharkKeyTables {
    public static final String ESP_SA_FILE = "esp_sa";
    public static final String IKEV2_FILE = "ikev2_decryption_table";
    public static final String PREFERENCES_FILE = "preferences";

    /**
     * Decryption and ICV checking are off by default in Wireshark. The NULL-encryption heuristic stays off:
     * NULL SAs are in the table, and guessing would hide a missing row.
     */
    static final String PREFERENCES = """
        esp.enable_encryption_decode: TRUE
        esp.enable_authentication_check: TRUE
        esp.enable_null_encryption_decode_heuristic: FALSE
        """;

    private static final HexFormat HEX = HexFormat.of();

    private WiresharkKeyTables() {
    }

    /** Creates {@code configDir} when missing and (over)writes the three files in it. */
    public static Path write(final Path configDir, final List<EspSaKeys> espSas, final List<IkeSaKeys> ikeSas)
        throws IOException {
        Files.createDirectories(configDir);
        writeOwnerOnly(configDir.resolve(ESP_SA_FILE), lines(espSas.stream().map(WiresharkKeyTables::espSaLine).toList()));
        writeOwnerOnly(configDir.resolve(IKEV2_FILE), lines(ikeSas.stream().map(WiresharkKeyTables::ikev2Line).toList()));
        writeOwnerOnly(configDir.resolve(PREFERENCES_FILE), PREFERENCES);
        return configDir;
    }

    /**
     * Protocol, source, destination, SPI, encryption algorithm, key, authentication algorithm, key: every
     * field a quoted string, keys as 0x-prefixed hex (unprefixed text would be taken as ASCII key bytes).
     */
    static String espSaLine(final EspSaKeys sa) {
        return String.join(",",
            quoted(sa.ipVersion() == 4 ? "IPv4" : "IPv6"),
            quoted(sa.source().getHostAddress()),
            quoted(sa.destination().getHostAddress()),
            quoted(String.format(Locale.ROOT, "0x%08x", sa.spi())),
            quoted(WiresharkAlgorithmNames.esp(sa.encryption())),
            quoted(keyField(sa.encryptionKey())),
            quoted(WiresharkAlgorithmNames.esp(sa.integrity())),
            quoted(keyField(sa.integrityKey())));
    }

    /** SPI_i, SPI_r, SK_ei, SK_er, encryption, SK_ai, SK_ar, integrity: hex fields bare, algorithms quoted. */
    static String ikev2Line(final IkeSaKeys sa) {
        return String.join(",",
            HEX.toHexDigits(sa.initiatorSpi()),
            HEX.toHexDigits(sa.responderSpi()),
            HEX.formatHex(sa.skEi()),
            HEX.formatHex(sa.skEr()),
            quoted(WiresharkAlgorithmNames.ikev2(sa.encryption())),
            HEX.formatHex(sa.skAi()),
            HEX.formatHex(sa.skAr()),
            quoted(WiresharkAlgorithmNames.ikev2(sa.integrity())));
    }

    /** An empty key (NULL algorithms) is an empty field; "0x" alone would not parse. */
    private static String keyField(final byte[] key) {
        return key.length == 0 ? "" : "0x" + HEX.formatHex(key);
    }

    private static String quoted(final String field) {
        return '"' + field + '"';
    }

    private static String lines(final List<String> lines) {
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    private static void writeOwnerOnly(final Path file, final String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}

package io.xgate.dataplane.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * scapy's ESP/AH implementation as an independent peer: encrypts inner packets into a pcap of Ethernet
 * frames, and decrypts such a pcap back, through the Python scripts under {@code /scapy/} on the test
 * classpath (copied out once, so they also run from the dataplane test-jar).
 */
public final class ScapyEsp {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<String> SCRIPTS = List.of("ipsec_spec.py", "esp_encrypt.py", "esp_decrypt.py");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static Path scriptDir;

    private ScapyEsp() {
    }

    /** Protects the packets with sequence numbers 1, 2, 3, ... */
    public static void encrypt(final ScapySa sa, final List<byte[]> innerPackets, final Path pcap) throws IOException {
        encrypt(sa, LongStream.rangeClosed(1, innerPackets.size()).toArray(), innerPackets, pcap);
    }

    /** Protects packet i with sequence number {@code sequences[i]} (64-bit for ESN SAs; low half on the wire). */
    public static void encrypt(final ScapySa sa, final long[] sequences, final List<byte[]> innerPackets,
                               final Path pcap) throws IOException {
        final ObjectNode spec = spec(sa);
        innerPackets.forEach(packet -> spec.withArray("packets").add(HEX.formatHex(packet)));
        for (final long sequence : sequences) {
            spec.withArray("seqs").add(sequence);
        }
        spec.put("output", pcap.toString());
        run("esp_encrypt.py", spec);
    }

    /**
     * One verdict per frame of the pcap. For ESN SAs, {@code seqHigh} is the high half the receiver starts
     * from; the script moves it up by one when a packet verifies only with the next value.
     */
    public static List<ScapyDecryption> decrypt(final ScapySa sa, final int seqHigh, final Path pcap)
        throws IOException {
        final ObjectNode spec = spec(sa).put("seq_hi", Integer.toUnsignedLong(seqHigh)).put("input", pcap.toString());
        final List<ScapyDecryption> results = new ArrayList<>();
        for (final String line : run("esp_decrypt.py", spec).lines().toList()) {
            final JsonNode result = JSON.readTree(line);
            final boolean ok = result.get("ok").asBoolean();
            results.add(new ScapyDecryption(result.get("index").asInt(), ok,
                ok ? result.get("seq").asLong() : -1,
                ok ? HEX.parseHex(result.get("inner").asText()) : new byte[0],
                ok ? "" : result.get("error").asText()));
        }
        return results;
    }

    static String scapyName(final EncryptionAlgorithm algorithm) {
        return switch (algorithm) {
            case AES_128_GCM, AES_192_GCM, AES_256_GCM -> "AES-GCM";
            case AES_128_CBC, AES_192_CBC, AES_256_CBC -> "AES-CBC";
            case DES3_CBC -> "3DES";
            case DES_CBC -> "DES";
            case NULL -> "NULL";
        };
    }

    static String scapyName(final IntegrityAlgorithm algorithm) {
        return switch (algorithm) {
            case NONE -> "NULL";
            case MD5_96 -> "HMAC-MD5-96";
            case SHA1_96 -> "HMAC-SHA1-96";
            case SHA256_128 -> "SHA2-256-128";
            case SHA384_192 -> "SHA2-384-192";
            case SHA512_256 -> "SHA2-512-256";
        };
    }

    private static ObjectNode spec(final ScapySa sa) {
        final EspSaKeys keys = sa.keys();
        final ObjectNode spec = JSON.createObjectNode()
            .put("proto", sa.protocol().name())
            .put("spi", Integer.toUnsignedLong(keys.spi()))
            .put("crypt_algo", scapyName(keys.encryption()))
            .put("crypt_key", HEX.formatHex(keys.encryptionKey()))
            .put("auth_algo", scapyName(keys.integrity()))
            .put("auth_key", HEX.formatHex(keys.integrityKey()))
            .put("esn", sa.esn())
            .put("nat_t", sa.natT());
        if (sa.tunnel()) {
            spec.putObject("tunnel")
                .put("src", keys.source().getHostAddress())
                .put("dst", keys.destination().getHostAddress());
        }
        return spec;
    }

    /** Runs a script with the spec on stdin; its stdout, or an exception carrying its stderr (never the spec: keys). */
    private static String run(final String script, final ObjectNode spec) throws IOException {
        final ExternalTool.Output output = ExternalTool.run(
            List.of(ExternalTool.require(PYTHON, "python3").toString(), scripts().resolve(script).toString()),
            Map.of("PYTHONDONTWRITEBYTECODE", "1"), JSON.writeValueAsBytes(spec), TIMEOUT);
        if (output.exitCode() != 0) {
            final String hint = output.stderr().contains("No module named 'scapy'")
                ? "python3-scapy is missing: " + ExternalTool.INSTALL_HINT + "\n" : "";
            throw new IllegalStateException(hint + script + " failed (exit " + output.exitCode() + "):\n" + output.stderr());
        }
        return output.stdout();
    }

    private static synchronized Path scripts() {
        if (scriptDir == null) {
            try {
                final Path dir = Files.createTempDirectory("xgate-scapy");
                for (final String name : SCRIPTS) {
                    try (InputStream in = ScapyEsp.class.getResourceAsStream("/scapy/" + name)) {
                        if (in == null) {
                            throw new IllegalStateException("/scapy/" + name + " missing from the test classpath");
                        }
                        Files.copy(in, dir.resolve(name));
                    }
                    dir.resolve(name).toFile().deleteOnExit();
                }
                dir.toFile().deleteOnExit();
                scriptDir = dir;
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scriptDir;
    }
}

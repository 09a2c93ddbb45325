package io.xgate.dataplane.capture;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

/**
 * The labels Wireshark's key tables store for each algorithm. A table with an unknown label fails to load
 * as a whole, so these are exact (checked against tshark 4.0, packet-ipsec.c and packet-isakmp.c).
 */
final class WiresharkAlgorithmNames {
    private WiresharkAlgorithmNames() {
    }

    /** esp_sa "Encryption algorithm". Wireshark 4.0 counts GCM as encryption with its ICV length in the name. */
    static String esp(final EncryptionAlgorithm algorithm) {
        return switch (algorithm) {
            case AES_128_GCM, AES_192_GCM, AES_256_GCM -> "AES-GCM with 16 octet ICV [RFC4106]";
            case AES_128_CBC, AES_192_CBC, AES_256_CBC -> "AES-CBC [RFC3602]";
            case DES3_CBC -> "TripleDES-CBC [RFC2451]";
            case DES_CBC -> "DES-CBC [RFC2405]";
            case NULL -> "NULL";
        };
    }

    /** esp_sa "Authentication algorithm"; GCM SAs must say NULL here or tshark reports a dissector bug. */
    static String esp(final IntegrityAlgorithm algorithm) {
        return switch (algorithm) {
            case NONE -> "NULL";
            case MD5_96 -> "HMAC-MD5-96 [RFC2403]";
            case SHA1_96 -> "HMAC-SHA-1-96 [RFC2404]";
            case SHA256_128 -> "HMAC-SHA-256-128 [RFC4868]";
            case SHA384_192 -> "HMAC-SHA-384-192 [RFC4868]";
            case SHA512_256 -> "HMAC-SHA-512-256 [RFC4868]";
        };
    }

    /** ikev2_decryption_table "Encryption algorithm". */
    static String ikev2(final EncryptionAlgorithm algorithm) {
        return switch (algorithm) {
            case AES_128_GCM -> "AES-GCM-128 with 16 octet ICV [RFC5282]";
            case AES_192_GCM -> "AES-GCM-192 with 16 octet ICV [RFC5282]";
            case AES_256_GCM -> "AES-GCM-256 with 16 octet ICV [RFC5282]";
            case AES_128_CBC -> "AES-CBC-128 [RFC3602]";
            case AES_192_CBC -> "AES-CBC-192 [RFC3602]";
            case AES_256_CBC -> "AES-CBC-256 [RFC3602]";
            case DES3_CBC -> "3DES [RFC2451]";
            case NULL -> "NULL [RFC2410]";
            case DES_CBC -> throw new IllegalArgumentException("Wireshark's IKEv2 table has no DES");
        };
    }

    /** ikev2_decryption_table "Integrity algorithm". */
    static String ikev2(final IntegrityAlgorithm algorithm) {
        return switch (algorithm) {
            case NONE -> "NONE [RFC4306]";
            case MD5_96 -> "HMAC_MD5_96 [RFC2403]";
            case SHA1_96 -> "HMAC_SHA1_96 [RFC2404]";
            case SHA256_128 -> "HMAC_SHA2_256_128 [RFC4868]";
            case SHA384_192 -> "HMAC_SHA2_384_192 [RFC4868]";
            case SHA512_256 -> "HMAC_SHA2_512_256 [RFC4868]";
        };
    }
}

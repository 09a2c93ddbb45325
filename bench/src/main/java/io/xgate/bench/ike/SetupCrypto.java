package io.xgate.bench.ike;

/**
 * The one suite both responders and the initiator use, in each one's syntax: IKE AES-128-GCM-16, PRF-HMAC-SHA-256,
 * ECP-256 (group 19); ESP AES-128-GCM-16 without PFS (the first child SA comes with IKE_AUTH and takes the IKE
 * SA's keys); pre-shared key. Identities: the responder is {@code responder.bench.example}, initiator {@code n} is
 * {@code i<n>.bench.example}; initiator {@code n}'s child SA is 198.19.x.y/32 (its {@code n}-th address) to the
 * responder's protected network 203.0.113.0/24.
 */
final class SetupCrypto {
    static final String RESPONDER_ID = "responder.bench.example";
    static final String INITIATOR_ID_DOMAIN = "bench.example";
    static final String PROTECTED = "203.0.113.0/24";
    /** A responder's own address in {@link #PROTECTED}. */
    static final String PROTECTED_ADDRESS = "203.0.113.1/24";
    static final String INITIATOR_INNER = "198.19.0.0/16";
    /** xgate's profiles, as config YAML. */
    static final String XGATE_PROFILES = """
            ike-crypto-profiles:
              - {name: ike, dh-group: [group19], encryption: [aes-128-gcm], hash: [sha256]}
            ipsec-crypto-profiles:
              - {name: esp, esp: {encryption: [aes-128-gcm], authentication: [none]}, dh-group: no-pfs}
            """;
    static final String STRONGSWAN_IKE = "aes128gcm16-prfsha256-ecp256";
    static final String STRONGSWAN_ESP = "aes128gcm16";

    private SetupCrypto() {
    }
}

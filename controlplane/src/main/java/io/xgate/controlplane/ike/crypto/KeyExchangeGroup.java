package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Transform;
import io.xgate.linux.libcrypto.EvpKeyType;
import org.bouncycastle.crypto.agreement.DHStandardGroups;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Diffie-Hellman groups (Transform Type 4) with IANA numbers and PAN-OS names. MODP primes are RFC 2409
 * (groups 1, 2) and RFC 3526; ECP groups are RFC 5903; group 31 is Curve25519 (RFC 8031). Every group has a
 * JDK implementation; the ECP groups and Curve25519 also one by libcrypto, used when
 * {@link KeyExchangeLibrary#active()} says so.
 */
public enum KeyExchangeGroup implements TransformAlgorithm {
    /** Legacy, kept for PAN-OS parity. */
    MODP_768(1, new ModpGroup(DHStandardGroups.rfc2409_768.getP())),
    /** Legacy, kept for PAN-OS parity (the PAN-OS default of the predefined profiles). */
    MODP_1024(2, new ModpGroup(DHStandardGroups.rfc2409_1024.getP())),
    /** Legacy, kept for PAN-OS parity. */
    MODP_1536(5, new ModpGroup(DHStandardGroups.rfc3526_1536.getP())),
    MODP_2048(14, new ModpGroup(DHStandardGroups.rfc3526_2048.getP())),
    MODP_3072(15, new ModpGroup(DHStandardGroups.rfc3526_3072.getP())),
    MODP_4096(16, new ModpGroup(DHStandardGroups.rfc3526_4096.getP())),
    ECP_256(19, new EcpGroup("secp256r1", 32), EvpKeyType.P_256),
    ECP_384(20, new EcpGroup("secp384r1", 48), EvpKeyType.P_384),
    ECP_521(21, new EcpGroup("secp521r1", 66), EvpKeyType.P_521),
    CURVE25519(31, new X25519Group(), EvpKeyType.X25519);

    /** How one family of groups generates keys; one instance per group. */
    sealed interface Method permits ModpGroup, EcpGroup, X25519Group, LibCryptoGroup {
        KeyExchange generate(KeyExchangeGroup group, SecureRandom random);

        int publicValueLength();
    }

    private final int id;
    private final Method jdk;
    private final Optional<LibCryptoGroup> libCrypto;

    KeyExchangeGroup(final int id, final Method jdk) {
        this.id = id;
        this.jdk = jdk;
        this.libCrypto = Optional.empty();
    }

    KeyExchangeGroup(final int id, final Method jdk, final EvpKeyType type) {
        this.id = id;
        this.jdk = jdk;
        this.libCrypto = Optional.of(new LibCryptoGroup(type));
    }

    public static Optional<KeyExchangeGroup> of(final int id) {
        for (final KeyExchangeGroup g : values()) {
            if (g.id == id) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * A fresh ephemeral key; randomness is injected so tests can replay the JDK groups' exchanges (libcrypto
     * draws from its own DRBG).
     *
     * @throws IllegalStateException when {@link KeyExchangeLibrary#active()} does
     */
    public KeyExchange generate(final SecureRandom random) {
        return method().generate(this, random);
    }

    /** Bytes of the KE payload's key exchange data. */
    public int publicValueLength() {
        return jdk.publicValueLength();
    }

    Method method() {
        return KeyExchangeLibrary.active().libCrypto() && libCrypto.isPresent() ? libCrypto.get() : jdk;
    }

    Method jdk() {
        return jdk;
    }

    Optional<LibCryptoGroup> libCrypto() {
        return libCrypto;
    }

    @Override
    public int transformType() {
        return Transform.KE;
    }

    @Override
    public int id() {
        return id;
    }

    /** {@code group19}: the PAN-OS name. */
    @Override
    public String configName() {
        return "group" + id;
    }
}

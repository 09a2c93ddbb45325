package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.config.DhGroup;
import io.xgate.controlplane.config.EspEncryption;
import io.xgate.controlplane.config.IkeEncryption;
import io.xgate.controlplane.config.IkeHash;
import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.crypto.EncryptionTransform;
import io.xgate.controlplane.ike.crypto.IntegrityTransform;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.util.Optional;

/** The config's crypto-profile words mapped to IKEv2 transforms. */
public final class ConfigTransforms {
    private ConfigTransforms() {
    }

    public static Encryption encryption(final IkeEncryption e) {
        return switch (e) {
            case DES3 -> new Encryption(EncryptionTransform.DES3, 192);
            case AES_128_CBC -> new Encryption(EncryptionTransform.AES_CBC, 128);
            case AES_192_CBC -> new Encryption(EncryptionTransform.AES_CBC, 192);
            case AES_256_CBC -> new Encryption(EncryptionTransform.AES_CBC, 256);
            case AES_128_GCM -> new Encryption(EncryptionTransform.AES_GCM_16, 128);
            case AES_256_GCM -> new Encryption(EncryptionTransform.AES_GCM_16, 256);
        };
    }

    public static Encryption encryption(final EspEncryption e) {
        return switch (e) {
            case DES3 -> new Encryption(EncryptionTransform.DES3, 192);
            case AES_128_CBC -> new Encryption(EncryptionTransform.AES_CBC, 128);
            case AES_192_CBC -> new Encryption(EncryptionTransform.AES_CBC, 192);
            case AES_256_CBC -> new Encryption(EncryptionTransform.AES_CBC, 256);
            case AES_128_CCM -> new Encryption(EncryptionTransform.AES_CCM_16, 128);
            case AES_128_GCM -> new Encryption(EncryptionTransform.AES_GCM_16, 128);
            case AES_256_GCM -> new Encryption(EncryptionTransform.AES_GCM_16, 256);
            case NULL -> new Encryption(EncryptionTransform.NULL, 0);
        };
    }

    /** The PRF an IKE hash names; {@code non-auth} names none. */
    public static Optional<Prf> prf(final IkeHash hash) {
        return switch (hash) {
            case NON_AUTH -> Optional.empty();
            case MD5 -> Optional.of(Prf.HMAC_MD5);
            case SHA1 -> Optional.of(Prf.HMAC_SHA1);
            case SHA256 -> Optional.of(Prf.HMAC_SHA2_256);
            case SHA384 -> Optional.of(Prf.HMAC_SHA2_384);
            case SHA512 -> Optional.of(Prf.HMAC_SHA2_512);
        };
    }

    /** The integrity transform an IKE hash names; {@code non-auth} names none. */
    public static Optional<IntegrityTransform> integrity(final IkeHash hash) {
        return switch (hash) {
            case NON_AUTH -> Optional.empty();
            case MD5 -> Optional.of(IntegrityTransform.HMAC_MD5_96);
            case SHA1 -> Optional.of(IntegrityTransform.HMAC_SHA1_96);
            case SHA256 -> Optional.of(IntegrityTransform.HMAC_SHA2_256_128);
            case SHA384 -> Optional.of(IntegrityTransform.HMAC_SHA2_384_192);
            case SHA512 -> Optional.of(IntegrityTransform.HMAC_SHA2_512_256);
        };
    }

    public static IntegrityTransform integrity(final IntegrityAlgorithm authentication) {
        return IntegrityTransform.of(authentication);
    }

    /** The group a profile names; {@code no-pfs} names none. */
    public static Optional<KeyExchangeGroup> group(final DhGroup group) {
        return group == DhGroup.NO_PFS ? Optional.empty()
            : KeyExchangeGroup.of(Integer.parseInt(group.configName().substring("group".length())));
    }
}

package io.xgate.controlplane.config;

import static io.xgate.controlplane.config.DhGroup.GROUP14;
import static io.xgate.controlplane.config.DhGroup.GROUP15;
import static io.xgate.controlplane.config.DhGroup.GROUP16;
import static io.xgate.controlplane.config.DhGroup.GROUP19;
import static io.xgate.controlplane.config.DhGroup.GROUP20;
import static io.xgate.controlplane.config.DhGroup.GROUP21;
import static io.xgate.controlplane.config.DhGroup.GROUP31;
import static io.xgate.controlplane.config.DhGroup.GROUP5;
import static io.xgate.controlplane.config.DhGroup.NO_PFS;

import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import java.util.List;
import java.util.Optional;

/**
 * Predefined IKE and IPsec crypto profiles for common peers, present in every config like PAN-OS's {@code default}
 * (and, like it, replaced by a user profile of the same name). A gateway or tunnel names one as it names any
 * profile, e.g. {@code ike-crypto-profile: preset-strongswan}; the same name exists on both sides. Each holds
 * the peer's own defaults, so an out-of-the-box peer matches (README, "Crypto presets", lists where each comes from).
 */
final class CryptoPresets {
    static final String PALO_ALTO = "preset-palo-alto";
    static final String CISCO_ASA = "preset-cisco-asa";
    static final String CISCO_ISR = "preset-cisco-isr";
    static final String STRONGSWAN = "preset-strongswan";
    static final String GENERIC = "preset-generic";

    private static final IntegrityAlgorithm SHA1 = IntegrityAlgorithm.SHA1_96;
    private static final IntegrityAlgorithm SHA256 = IntegrityAlgorithm.SHA256_128;
    private static final IntegrityAlgorithm SHA384 = IntegrityAlgorithm.SHA384_192;
    private static final IntegrityAlgorithm SHA512 = IntegrityAlgorithm.SHA512_256;

    /** PAN-OS's predefined {@code default}, then the presets. */
    static final List<IkeCryptoProfile> IKE = List.of(IkeCryptoProfile.DEFAULT,
            // PAN-OS's predefined Suite-B-GCM-128 IKE profile.
            new IkeCryptoProfile(PALO_ALTO, List.of(GROUP19), List.of(IkeEncryption.AES_128_CBC),
                    List.of(IkeHash.SHA256), Lifetime.hours(8), 0),
            // ASA IKEv2 policies as ASDM creates them: GCM and CBC, groups 21..14, SA lifetime 86400 s.
            new IkeCryptoProfile(CISCO_ASA, List.of(GROUP21, GROUP20, GROUP19, GROUP16, GROUP15, GROUP14),
                    List.of(IkeEncryption.AES_256_GCM, IkeEncryption.AES_128_GCM, IkeEncryption.AES_256_CBC,
                            IkeEncryption.AES_192_CBC, IkeEncryption.AES_128_CBC),
                    List.of(IkeHash.SHA512, IkeHash.SHA384, IkeHash.SHA256, IkeHash.SHA1), days(1), 0),
            // IOS XE IKEv2 smart defaults (proposal "default"): AES-CBC-256, SHA-512/384, groups 19 14 21 5, 86400 s.
            new IkeCryptoProfile(CISCO_ISR, List.of(GROUP19, GROUP14, GROUP21, GROUP5),
                    List.of(IkeEncryption.AES_256_CBC), List.of(IkeHash.SHA512, IkeHash.SHA384), days(1), 0),
            // strongSwan's "default" IKE proposal: AES-CBC 128/192/256, SHA-2, curve25519 first; rekey 4 h.
            new IkeCryptoProfile(STRONGSWAN, List.of(GROUP31, GROUP19, GROUP20, GROUP21, GROUP15, GROUP16, GROUP14),
                    List.of(IkeEncryption.AES_128_CBC, IkeEncryption.AES_192_CBC, IkeEncryption.AES_256_CBC),
                    List.of(IkeHash.SHA256, IkeHash.SHA384, IkeHash.SHA512), Lifetime.hours(4), 0),
            // The MUST algorithms of RFC 8247 (IKEv2): AES-CBC and AES-GCM, HMAC-SHA2-256, groups 19 and 14.
            new IkeCryptoProfile(GENERIC, List.of(GROUP19, GROUP14),
                    List.of(IkeEncryption.AES_256_GCM, IkeEncryption.AES_128_GCM, IkeEncryption.AES_256_CBC,
                            IkeEncryption.AES_128_CBC), List.of(IkeHash.SHA256), Lifetime.hours(8), 0));

    /** PAN-OS's predefined {@code default}, then the presets. */
    static final List<IpsecCryptoProfile> IPSEC = List.of(IpsecCryptoProfile.DEFAULT,
            // PAN-OS's predefined Suite-B-GCM-128 IPsec profile.
            new IpsecCryptoProfile(PALO_ALTO, esp(List.of(EspEncryption.AES_128_GCM), List.of(IntegrityAlgorithm.NONE)),
                    GROUP19, Lifetime.hours(1), Optional.empty()),
            // ASA IKEv2 IPsec proposals (GCM and CBC with SHA-2/SHA-1), no PFS, 28800 s and 4608000 KB.
            new IpsecCryptoProfile(CISCO_ASA, esp(List.of(EspEncryption.AES_256_GCM, EspEncryption.AES_128_GCM,
                    EspEncryption.AES_256_CBC, EspEncryption.AES_192_CBC, EspEncryption.AES_128_CBC),
                    List.of(IntegrityAlgorithm.NONE, SHA512, SHA384, SHA256, SHA1)),
                    NO_PFS, Lifetime.hours(8), Optional.of(new Lifesize(SizeUnit.MB, 4500))),
            // IOS XE default transform set (esp-aes esp-sha-hmac), no PFS, 3600 s and 4608000 KB.
            new IpsecCryptoProfile(CISCO_ISR, esp(List.of(EspEncryption.AES_128_CBC), List.of(SHA1)),
                    NO_PFS, Lifetime.hours(1), Optional.of(new Lifesize(SizeUnit.MB, 4500))),
            // strongSwan's "default" ESP proposals: AES-GCM 128/256 and AES-CBC with SHA-2, no DH; rekey 1 h.
            new IpsecCryptoProfile(STRONGSWAN, esp(List.of(EspEncryption.AES_128_GCM, EspEncryption.AES_256_GCM,
                    EspEncryption.AES_128_CBC, EspEncryption.AES_192_CBC, EspEncryption.AES_256_CBC),
                    List.of(IntegrityAlgorithm.NONE, SHA256, SHA384, SHA512)), NO_PFS, Lifetime.hours(1),
                    Optional.empty()),
            // The MUST algorithms of RFC 8221 (ESP): AES-GCM-16, AES-CBC with HMAC-SHA2-256; PFS with group 19.
            new IpsecCryptoProfile(GENERIC, esp(List.of(EspEncryption.AES_256_GCM, EspEncryption.AES_128_GCM,
                    EspEncryption.AES_256_CBC, EspEncryption.AES_128_CBC), List.of(IntegrityAlgorithm.NONE, SHA256)),
                    GROUP19, Lifetime.hours(1), Optional.empty()));

    private CryptoPresets() {
    }

    private static IpsecCryptoProfile.Esp esp(final List<EspEncryption> encryption,
                                              final List<IntegrityAlgorithm> authentication) {
        return new IpsecCryptoProfile.Esp(encryption, authentication);
    }

    private static Lifetime days(final int days) {
        return new Lifetime(LifetimeUnit.DAYS, days);
    }
}

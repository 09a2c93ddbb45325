package io.xgate.controlplane.config;

import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.util.List;
import java.util.Optional;

/** Proposals for the child SAs an auto-key tunnel negotiates. */
public record IpsecCryptoProfile(String name, Protocol protocol, DhGroup dhGroup, Lifetime lifetime,
                                 Optional<Lifesize> lifesize) implements Named {

    public static final String DEFAULT_NAME = "default";

    /** PAN-OS's predefined {@code default} profile, present even when the config does not list it. */
    public static final IpsecCryptoProfile DEFAULT = new IpsecCryptoProfile(DEFAULT_NAME,
            new Esp(List.of(EspEncryption.AES_128_CBC, EspEncryption.DES3), List.of(IntegrityAlgorithm.SHA1_96)),
            DhGroup.GROUP2, Lifetime.hours(1), Optional.empty());

    /** ESP (encryption and integrity) or AH (integrity only). */
    public sealed interface Protocol {
    }

    public record Esp(List<EspEncryption> encryption, List<IntegrityAlgorithm> authentication) implements Protocol {
        public Esp {
            encryption = List.copyOf(encryption);
            authentication = List.copyOf(authentication);
        }
    }

    public record Ah(List<IntegrityAlgorithm> authentication) implements Protocol {
        public Ah {
            authentication = List.copyOf(authentication);
        }
    }
}

package io.xgate.controlplane.config;

import java.util.List;

/** Proposals for the IKE SA. */
public record IkeCryptoProfile(String name, List<DhGroup> dhGroup, List<IkeEncryption> encryption, List<IkeHash> hash,
                               Lifetime lifetime, int authenticationMultiple) implements Named {

    public static final String DEFAULT_NAME = "default";

    /** PAN-OS's predefined {@code default} profile, present even when the config does not list it. */
    public static final IkeCryptoProfile DEFAULT = new IkeCryptoProfile(DEFAULT_NAME, List.of(DhGroup.GROUP2),
            List.of(IkeEncryption.AES_128_CBC, IkeEncryption.DES3), List.of(IkeHash.SHA1), Lifetime.hours(8), 0);

    public IkeCryptoProfile {
        dhGroup = List.copyOf(dhGroup);
        encryption = List.copyOf(encryption);
        hash = List.copyOf(hash);
    }
}

package io.xgate.controlplane.config;

import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Binds {@code ike-crypto-profiles} and {@code ipsec-crypto-profiles}; absent fields take the PAN-OS defaults. */
final class CryptoProfileBinder {
    static final Choices<IntegrityAlgorithm> AUTHENTICATION =
            Choices.of(IntegrityAlgorithm.values(), IntegrityAlgorithm::configName);
    private static final Choices<DhGroup> DH_GROUP = Choices.of(DhGroup.class);

    IkeCryptoProfile ike(final Fields f) {
        final IkeCryptoProfile d = IkeCryptoProfile.DEFAULT;
        return new IkeCryptoProfile(f.name(),
                choices(f.get("dh-group"), DH_GROUP, d.dhGroup()),
                choices(f.get("encryption"), Choices.of(IkeEncryption.class), d.encryption()),
                choices(f.get("hash"), Choices.of(IkeHash.class), d.hash()),
                lifetime(f.get("lifetime"), d.lifetime()),
                f.get("authentication-multiple").integer(d.authenticationMultiple()));
    }

    IpsecCryptoProfile ipsec(final Fields f) {
        final IpsecCryptoProfile d = IpsecCryptoProfile.DEFAULT;
        final IpsecCryptoProfile.Protocol protocol = f.oneOf(false, d.protocol(), List.of(
                new Fields.Alternative<>("esp", node -> node.object(this::esp)),
                new Fields.Alternative<>("ah", node -> node.object(this::ah))));
        return new IpsecCryptoProfile(f.name(), protocol, f.get("dh-group").choice(DH_GROUP, d.dhGroup()),
                lifetime(f.get("lifetime"), d.lifetime()),
                Optional.ofNullable(f.get("lifesize").object(CryptoProfileBinder::lifesize)));
    }

    private IpsecCryptoProfile.Protocol esp(final Fields f) {
        final IpsecCryptoProfile.Esp d = (IpsecCryptoProfile.Esp) IpsecCryptoProfile.DEFAULT.protocol();
        return new IpsecCryptoProfile.Esp(choices(f.get("encryption"), Choices.of(EspEncryption.class), d.encryption()),
                choices(f.get("authentication"), AUTHENTICATION, d.authentication()));
    }

    private IpsecCryptoProfile.Protocol ah(final Fields f) {
        return new IpsecCryptoProfile.Ah(choices(f.require("authentication"), AUTHENTICATION, List.of()));
    }

    /** A list of algorithm names; absent means the default list, an explicit empty list stays empty. */
    private static <E> List<E> choices(final Node node, final Choices<E> choices, final List<E> fallback) {
        if (!node.isPresent()) {
            return fallback;
        }
        return node.list(item -> item.choice(choices, null)).stream().filter(Objects::nonNull).toList();
    }

    /** {@code {hours: 8}}: exactly one unit (an absent map is a placeholder, so only a present one needs it). */
    static Lifetime lifetime(final Node node, final Lifetime fallback) {
        return node.object(f -> f.oneOf(true, fallback, List.of(LifetimeUnit.values()).stream()
                .map(unit -> new Fields.Alternative<>(unit.configName(),
                        n -> new Lifetime(unit, n.integer(unit.range().min()))))
                .toList()));
    }

    /** {@code {gb: 100}}: exactly one unit, or null when the profile sets no lifesize. */
    private static Lifesize lifesize(final Fields f) {
        return f.oneOf(true, null, List.of(SizeUnit.values()).stream()
                .map(unit -> new Fields.Alternative<>(unit.configName(), n -> new Lifesize(unit, n.integer(1))))
                .toList());
    }
}

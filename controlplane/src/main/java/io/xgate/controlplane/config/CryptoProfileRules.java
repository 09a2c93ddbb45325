package io.xgate.controlplane.config;

import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.util.List;

/** Crypto profiles offer at least one of each transform, and their lifetimes and counts are in range. */
final class CryptoProfileRules implements ValidationRule {
    static final IntRange AUTHENTICATION_MULTIPLE = new IntRange(0, 50);

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        Section.IKE_CRYPTO_PROFILES.each(config.ikeCryptoProfiles(), (profile, path) -> {
            requireSome(profile.dhGroup(), path.key("dh-group"), errors);
            if (profile.dhGroup().contains(DhGroup.NO_PFS)) {
                errors.add(path.key("dh-group"), "no-pfs applies to IPsec crypto profiles only: IKE needs a group");
            }
            requireSome(profile.encryption(), path.key("encryption"), errors);
            requireSome(profile.hash(), path.key("hash"), errors);
            checkLifetime(profile.lifetime(), path.key("lifetime"), errors);
            errors.checkRange(path.key("authentication-multiple"), AUTHENTICATION_MULTIPLE,
                    profile.authenticationMultiple());
        });
        Section.IPSEC_CRYPTO_PROFILES.each(config.ipsecCryptoProfiles(), (profile, path) -> {
            switch (profile.protocol()) {
                case IpsecCryptoProfile.Esp esp -> {
                    requireSome(esp.encryption(), path.key("esp").key("encryption"), errors);
                    requireSome(esp.authentication(), path.key("esp").key("authentication"), errors);
                }
                case IpsecCryptoProfile.Ah ah -> {
                    requireSome(ah.authentication(), path.key("ah").key("authentication"), errors);
                    if (ah.authentication().contains(IntegrityAlgorithm.NONE)) {
                        errors.add(path.key("ah").key("authentication"), "AH cannot offer none: it only authenticates");
                    }
                }
            }
            checkLifetime(profile.lifetime(), path.key("lifetime"), errors);
            profile.lifesize().ifPresent(size ->
                    errors.checkRange(path.key("lifesize").key(size.unit().configName()), Lifesize.RANGE, size.value()));
        });
    }

    static void checkLifetime(final Lifetime lifetime, final ConfigPath path, final ErrorCollector errors) {
        errors.checkRange(path.key(lifetime.unit().configName()), lifetime.unit().range(), lifetime.value());
    }

    private static void requireSome(final List<?> offered, final ConfigPath path, final ErrorCollector errors) {
        if (offered.isEmpty()) {
            errors.add(path, "must list at least one");
        }
    }
}

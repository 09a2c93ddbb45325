package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.util.HashMap;
import java.util.Map;

/**
 * Manual-key tunnels: local address, peer family, SPI range and uniqueness, and keys whose lengths match
 * their algorithms (the data plane's lengths: GCM keys carry their 4-byte salt, HMAC keys the digest length).
 */
final class ManualKeyRules implements ValidationRule {
    /** RFC 4106 §8.1: the last 4 bytes of a GCM key are the nonce salt; admins tend to forget them. */
    private static final String SALT_NOTE = " (salt included)";

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        final Map<String, String> outboundOwner = new HashMap<>();
        final Map<Spi, String> inboundOwner = new HashMap<>();
        Section.IPSEC_TUNNELS.each(config.ipsecTunnels(), (tunnel, tunnelPath) -> {
            if (!(tunnel.keying() instanceof ManualKey manual)) {
                return;
            }
            final ConfigPath path = tunnelPath.key("manual-key");
            References.localAddress(config, manual.localAddress(), path.key("local-address"), errors)
                    .filter(family -> family != manual.peerAddress().family())
                    .ifPresent(family -> errors.add(path.key("peer-address").key("ip"), "must be an "
                            + IpAddress.familyName(family) + " address like the local address, got "
                            + manual.peerAddress()));
            checkSpiRange(manual.localSpi(), path.key("local-spi"), errors);
            checkSpiRange(manual.remoteSpi(), path.key("remote-spi"), errors);
            // The peer finds its inbound SA by our outbound SPI: two of ours to one peer must differ.
            final String outboundKey = manual.peerAddress() + "/" + manual.localSpi();
            final String sameOutbound = outboundOwner.putIfAbsent(outboundKey, tunnel.name());
            if (sameOutbound != null) {
                errors.add(path.key("local-spi"), "SPI " + manual.localSpi() + " to peer " + manual.peerAddress()
                        + " is already used by ipsec-tunnels[" + sameOutbound + "]");
            }
            // Our data plane finds an inbound SA by SPI alone.
            final String sameInbound = inboundOwner.putIfAbsent(manual.remoteSpi(), tunnel.name());
            if (sameInbound != null) {
                errors.add(path.key("remote-spi"), "inbound SPI " + manual.remoteSpi()
                        + " is already used by ipsec-tunnels[" + sameInbound + "]");
            }
            checkProtection(manual.protection(), path, errors);
        });
    }

    private static void checkSpiRange(final Spi spi, final ConfigPath path, final ErrorCollector errors) {
        if (!spi.isManualRange()) {
            errors.add(path, "must be within " + Spi.MIN_MANUAL + ".." + Spi.MAX_MANUAL + ", got " + spi);
        }
    }

    private static void checkProtection(final ManualKey.Protection protection, final ConfigPath path,
                                        final ErrorCollector errors) {
        switch (protection) {
            case ManualKey.Esp esp -> {
                final ConfigPath encryption = path.key("esp").key("encryption");
                final ConfigPath authentication = path.key("esp").key("authentication");
                checkKey(esp.encryption().configName(), esp.encryption().keyLength(),
                        esp.encryption().isAead() ? SALT_NOTE : "", esp.encryptionKey(), encryption.key("key"), errors);
                checkKey(esp.authentication().configName(), esp.authentication().keyLength(), "",
                        esp.authenticationKey(), authentication.key("key"), errors);
                if (esp.encryption().isAead() && esp.authentication() != IntegrityAlgorithm.NONE) {
                    errors.add(authentication.key("algorithm"), "must be none with " + esp.encryption().configName()
                            + ", which authenticates by itself");
                }
                if (esp.encryption() == EncryptionAlgorithm.NULL && esp.authentication() == IntegrityAlgorithm.NONE) {
                    errors.add(authentication.key("algorithm"), "must not be none with null encryption: "
                            + "the SA would not protect anything");
                }
            }
            case ManualKey.Ah ah -> {
                if (ah.authentication() == IntegrityAlgorithm.NONE) {
                    errors.add(path.key("ah").key("algorithm"), "must not be none: AH only authenticates");
                }
                checkKey(ah.authentication().configName(), ah.authentication().keyLength(), "", ah.key(),
                        path.key("ah").key("key"), errors);
            }
        }
    }

    /** Says only how long the key is, never what it holds. */
    private static void checkKey(final String algorithm, final int expected, final String note, final Secret key,
                                 final ConfigPath path, final ErrorCollector errors) {
        if (key.length() == expected) {
            return;
        }
        errors.add(path, expected == 0
                ? algorithm + " takes no key, got " + key.length() + " bytes"
                : algorithm + " needs a " + expected + "-byte key" + note + ", got " + key.length() + " bytes");
    }
}

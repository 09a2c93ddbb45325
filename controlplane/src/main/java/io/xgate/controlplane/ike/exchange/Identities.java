package io.xgate.controlplane.ike.exchange;

import io.xgate.controlplane.config.IkeGateway;
import io.xgate.controlplane.ike.payload.ConfigIdentities;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.dataplane.packet.IpAddress;

import javax.security.auth.x500.X500Principal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Peer IDs against {@code peer-id}: {@code exact} compares type and value (DNs as X.500 names, so spacing does
 * not matter), {@code wildcard} lets {@code *} in the configured text match any run of characters
 * ({@code *.example.com}, {@code CN=*, O=Example}). IDs print in the config's words: {@code fqdn:b.example}.
 */
public final class Identities {
    private Identities() {
    }

    public static boolean matches(final IkeGateway.Identity expected, final IdPayload presented) {
        final IdPayload wanted = ConfigIdentities.of(presented.role(), expected);
        if (wanted.idType() != presented.idType()) {
            return false;
        }
        if (expected.matching() == IkeGateway.Matching.WILDCARD) {
            return glob(value(wanted)).matcher(value(presented)).matches();
        }
        if (presented.idType() == IdPayload.ID_DER_ASN1_DN) {
            return dn(presented).map(p -> p.equals(dn(wanted).orElse(null))).orElse(false);
        }
        return wanted.data().equals(presented.data());
    }

    /** {@code fqdn:b.example}, {@code ipaddr:192.0.2.2}, {@code keyid:0a0b}, ... */
    public static String describe(final IdPayload id) {
        final String type = switch (id.idType()) {
            case IdPayload.ID_IPV4_ADDR, IdPayload.ID_IPV6_ADDR -> "ipaddr";
            case IdPayload.ID_FQDN -> "fqdn";
            case IdPayload.ID_RFC822_ADDR -> "ufqdn";
            case IdPayload.ID_KEY_ID -> "keyid";
            case IdPayload.ID_DER_ASN1_DN -> "dn";
            default -> "id-type-" + id.idType();
        };
        return type + ":" + value(id);
    }

    public static String describe(final IkeGateway.Identity id) {
        return describe(ConfigIdentities.of(Role.INITIATOR, id)) + " (" + id.matching().name().toLowerCase() + ")";
    }

    private static String value(final IdPayload id) {
        final byte[] data = id.data().toArray();
        return switch (id.idType()) {
            case IdPayload.ID_IPV4_ADDR, IdPayload.ID_IPV6_ADDR -> data.length == 4
                ? IpAddress.v4(java.nio.ByteBuffer.wrap(data).getInt()).toString()
                : IpAddress.v6(java.nio.ByteBuffer.wrap(data).getLong(), java.nio.ByteBuffer.wrap(data).getLong(8)).toString();
            case IdPayload.ID_FQDN, IdPayload.ID_RFC822_ADDR -> new String(data, StandardCharsets.US_ASCII);
            case IdPayload.ID_DER_ASN1_DN -> dn(id).map(X500Principal::getName).orElse("(bad DN)");
            default -> HexFormat.of().formatHex(data);
        };
    }

    private static java.util.Optional<X500Principal> dn(final IdPayload id) {
        try {
            return java.util.Optional.of(new X500Principal(id.data().toArray()));
        } catch (final IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static Pattern glob(final String text) {
        final StringBuilder regex = new StringBuilder();
        for (final String part : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}

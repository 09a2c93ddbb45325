package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.config.IkeGateway;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.controlplane.ike.wire.Bytes;

import javax.security.auth.x500.X500Principal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** ID payloads for a gateway's {@code local-id}/{@code peer-id} (RFC 7296 §3.5 ID types). */
public final class ConfigIdentities {
    private ConfigIdentities() {
    }

    /**
     * ipaddr → ID_IPV4_ADDR/ID_IPV6_ADDR, fqdn → ID_FQDN, ufqdn → ID_RFC822_ADDR, keyid → ID_KEY_ID (the
     * config writes it in hex, as PAN-OS does), dn → ID_DER_ASN1_DN (RFC 4514 text to DER).
     */
    public static IdPayload of(final Role role, final IkeGateway.Identity identity) {
        final String id = identity.id();
        return switch (identity.type()) {
            case IPADDR -> {
                final IpAddress address = IpAddress.parse(id);
                yield new IdPayload(role, address.isV4() ? IdPayload.ID_IPV4_ADDR
                    : IdPayload.ID_IPV6_ADDR, Bytes.of(address.bytes()));
            }
            case FQDN -> new IdPayload(role, IdPayload.ID_FQDN, ascii(id));
            case UFQDN -> new IdPayload(role, IdPayload.ID_RFC822_ADDR, ascii(id));
            case KEYID -> new IdPayload(role, IdPayload.ID_KEY_ID, Bytes.of(HexFormat.of().parseHex(id)));
            case DN -> new IdPayload(role, IdPayload.ID_DER_ASN1_DN, Bytes.of(new X500Principal(id).getEncoded()));
        };
    }

    private static Bytes ascii(final String text) {
        return Bytes.of(text.getBytes(StandardCharsets.US_ASCII));
    }
}

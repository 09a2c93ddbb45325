package io.xgate.controlplane.ike.exchange;

import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;

import javax.security.auth.x500.X500Principal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether a certificate vouches for the ID a peer presents (RFC 7296 §3.5, RFC 4945 §3.1): a DN is the subject, an
 * FQDN, email address or IP address is one of the subjectAltNames of its type. The peer could otherwise claim any
 * ID its CA never gave it.
 */
public final class CertificateIdentity {
    private static final int SAN_EMAIL = 1;
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateIdentity() {
    }

    /** Empty when {@code certificate} carries {@code id}; otherwise why not, starting with the ID. */
    public static Optional<String> mismatch(final IdPayload id, final X509Certificate certificate) {
        final String subject = certificate.getSubjectX500Principal().getName();
        final String described = Identities.describe(id);
        if (id.idType() == IdPayload.ID_DER_ASN1_DN) {
            return dn(id).filter(certificate.getSubjectX500Principal()::equals).isPresent() ? Optional.empty()
                : Optional.of("ID " + described + " is not the subject of certificate " + subject);
        }
        final int sanType = switch (id.idType()) {
            case IdPayload.ID_FQDN -> SAN_DNS;
            case IdPayload.ID_RFC822_ADDR -> SAN_EMAIL;
            case IdPayload.ID_IPV4_ADDR, IdPayload.ID_IPV6_ADDR -> SAN_IP;
            default -> 0;
        };
        if (sanType == 0) {
            return Optional.of("ID " + described + " cannot be bound to certificate " + subject
                + ": use a dn, fqdn, ufqdn or ipaddr ID");
        }
        final List<String> names = altNames(certificate);
        for (final String name : names) {
            if (name.startsWith(sanType + ":") && same(id, name.substring(name.indexOf(':') + 1))) {
                return Optional.empty();
            }
        }
        return Optional.of("ID " + described + " not in the subjectAltName of certificate " + subject + " ("
            + (names.isEmpty() ? "it has none" : "it lists " + String.join(", ",
                names.stream().map(CertificateIdentity::describeSan).toList())) + ")");
    }

    /** The ID a certificate stands for by default (PAN-OS): its subject DN. */
    public static IdPayload subjectId(final Role role, final X509Certificate certificate) {
        return new IdPayload(role, IdPayload.ID_DER_ASN1_DN, Bytes.of(certificate.getSubjectX500Principal().getEncoded()));
    }

    private static boolean same(final IdPayload id, final String san) {
        return switch (id.idType()) {
            case IdPayload.ID_IPV4_ADDR, IdPayload.ID_IPV6_ADDR -> {
                try {
                    yield InetAddress.ofLiteral(san).equals(InetAddress.getByAddress(id.data().toArray()));
                } catch (final IllegalArgumentException | UnknownHostException e) {
                    yield false;
                }
            }
            default -> san.equalsIgnoreCase(new String(id.data().toArray(), StandardCharsets.US_ASCII));
        };
    }

    /** {@code type:value} for the SAN types an ID can match. */
    private static List<String> altNames(final X509Certificate certificate) {
        final List<String> names = new ArrayList<>();
        try {
            final Collection<List<?>> all = certificate.getSubjectAlternativeNames();
            if (all == null) {
                return names;
            }
            for (final List<?> name : all) {
                if (name.get(1) instanceof String value && (name.get(0) instanceof Integer type)
                    && (type == SAN_DNS || type == SAN_EMAIL || type == SAN_IP)) {
                    names.add(type + ":" + value);
                }
            }
        } catch (final CertificateParsingException e) {
            return names;
        }
        return names;
    }

    private static String describeSan(final String name) {
        final int type = Integer.parseInt(name.substring(0, name.indexOf(':')));
        final String value = name.substring(name.indexOf(':') + 1);
        return (type == SAN_DNS ? "fqdn:" : type == SAN_EMAIL ? "ufqdn:" : "ipaddr:") + value;
    }

    private static Optional<X500Principal> dn(final IdPayload id) {
        try {
            return Optional.of(new X500Principal(id.data().toArray()));
        } catch (final IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

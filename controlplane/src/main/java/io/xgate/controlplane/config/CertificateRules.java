package io.xgate.controlplane.config;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Certificates: each in its validity period, with a key type IKE signs with, a private key that belongs to it
 * (required unless {@code ca: true}), and {@code ca: true} only on CA certificates. Certificate profiles name CAs.
 * Gateways that authenticate by certificate name a certificate with a key and a certificate profile.
 */
final class CertificateRules implements ValidationRule {

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        final Instant now = Instant.now();
        Section.CERTIFICATES.each(config.certificates(), (certificate, path) -> {
            if (certificate.loaded()) {
                checkCertificate(certificate, path, now, errors);
            }
        });
        Section.CERTIFICATE_PROFILES.each(config.certificateProfiles(), (profile, path) -> {
            final ConfigPath list = path.key("ca-certificates");
            if (profile.caCertificates().isEmpty()) {
                errors.add(list, "must list at least one");
            }
            for (int i = 0; i < profile.caCertificates().size(); i++) {
                final ConfigPath item = list.index(i);
                References.resolve(errors, item, profile.caCertificates().get(i), config.certificates(),
                        Section.CERTIFICATES.path().toString()).filter(ca -> !ca.ca()).ifPresent(notCa -> errors.add(
                        item, "'" + notCa.name() + "' is not marked ca: true: a profile trusts CA certificates only"));
            }
        });
        Section.IKE_GATEWAYS.each(config.ikeGateways(), (gateway, path) -> {
            if (gateway.authentication() instanceof IkeGateway.Authentication.Certificate certificate) {
                checkGateway(config, certificate, path.key("authentication").key("certificate"), errors);
            }
        });
    }

    private static void checkCertificate(final Certificate certificate, final ConfigPath path, final Instant now,
                                         final ErrorCollector errors) {
        final ConfigPath file = path.key("certificate-file");
        for (final X509Certificate each : certificate.chain()) {
            final String subject = each.getSubjectX500Principal().getName();
            if (each.getNotAfter().toInstant().isBefore(now)) {
                errors.add(file, "certificate " + subject + " expired " + date(each.getNotAfter().toInstant()));
            } else if (each.getNotBefore().toInstant().isAfter(now)) {
                errors.add(file, "certificate " + subject + " is not valid before "
                        + date(each.getNotBefore().toInstant()));
            }
        }
        final X509Certificate own = certificate.certificate();
        final String subject = own.getSubjectX500Principal().getName();
        SigningKeys.unsupported(own.getPublicKey()).ifPresent(why -> errors.add(file,
                "certificate " + subject + " has an unsupported " + why));
        if (certificate.ca() && own.getBasicConstraints() < 0) {
            errors.add(path.key("ca"), "certificate " + subject + " is not a CA certificate (no basicConstraints CA:TRUE)");
        }
        if (certificate.privateKeyFile().isEmpty() && !certificate.ca()) {
            errors.add(path.key("private-key-file"), "is required unless the certificate is a CA (ca: true)");
        }
        certificate.privateKey().filter(key -> !SigningKeys.matches(key, own.getPublicKey())).ifPresent(key ->
                errors.add(path.key("private-key-file"), "the key in " + certificate.privateKeyFile().orElseThrow()
                        + " does not match certificate " + subject));
    }

    private static void checkGateway(final DeviceConfig config, final IkeGateway.Authentication.Certificate auth,
                                     final ConfigPath path, final ErrorCollector errors) {
        final Optional<Certificate> local = References.resolve(errors, path.key("local-certificate").key("name"),
                auth.localCertificate(), config.certificates(), Section.CERTIFICATES.path().toString());
        local.filter(c -> c.privateKeyFile().isEmpty()).ifPresent(c -> errors.add(
                path.key("local-certificate").key("name"), "'" + c.name() + "' has no private-key-file: our AUTH "
                        + "is signed with the local certificate's key"));
        if (auth.certificateProfile().isEmpty()) {
            errors.add(path.key("certificate-profile"),
                    "is required: it names the CAs the peer's certificate must chain to");
        } else {
            References.resolve(errors, path.key("certificate-profile"), auth.certificateProfile().get(),
                    config.certificateProfiles(), Section.CERTIFICATE_PROFILES.path().toString());
        }
    }

    private static String date(final Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}

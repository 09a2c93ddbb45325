package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.config.SigningKeys;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code certificate-profile}'s judgement of a peer's certificate: in its validity period, allowed to sign
 * (keyUsage digitalSignature when the extension is there), with a key type IKE signs with, and chained by PKIX
 * (dates, basicConstraints and keyUsage of every CA on the way) to one of the profile's CAs, through the
 * intermediates the peer sent. xgate fetches no CRL or OCSP answer, so a profile that demands revocation checks
 * ({@code strict-validation-revocation}) refuses every peer, saying so.
 */
public record CertificateTrust(String profile, List<X509Certificate> cas, boolean strictRevocation) {
    private static final int DIGITAL_SIGNATURE = 0;

    public CertificateTrust {
        cas = List.copyOf(cas);
    }

    /** Empty when the peer's certificate (first of {@code presented}) is trusted; otherwise why not. */
    public Optional<String> problem(final List<X509Certificate> presented, final Instant now) {
        final X509Certificate peer = presented.getFirst();
        final String subject = "certificate " + peer.getSubjectX500Principal().getName();
        if (peer.getNotAfter().toInstant().isBefore(now)) {
            return Optional.of(subject + " expired " + date(peer.getNotAfter().toInstant()));
        }
        if (peer.getNotBefore().toInstant().isAfter(now)) {
            return Optional.of(subject + " is not valid before " + date(peer.getNotBefore().toInstant()));
        }
        final boolean[] usage = peer.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE]) {
            return Optional.of(subject + " has a keyUsage without digitalSignature: it may not sign IKE AUTH");
        }
        final Optional<String> unsupported = SigningKeys.unsupported(peer.getPublicKey());
        if (unsupported.isPresent()) {
            return Optional.of(subject + " has an unsupported " + unsupported.get());
        }
        if (!chains(presented, now)) {
            return Optional.of(subject + " is not signed by a CA of certificate-profile " + profile + " (its issuer is "
                + peer.getIssuerX500Principal().getName() + "; the profile trusts " + cas.stream()
                .map(ca -> ca.getSubjectX500Principal().getName()).collect(Collectors.joining(" and ")) + ")");
        }
        if (strictRevocation) {
            return Optional.of(subject + " has no known revocation status: certificate-profile " + profile
                + " has strict-validation-revocation on and xgate fetches no CRL or OCSP; turn it off");
        }
        return Optional.empty();
    }

    private boolean chains(final List<X509Certificate> presented, final Instant now) {
        final Set<TrustAnchor> anchors = cas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
        final X509CertSelector target = new X509CertSelector();
        target.setCertificate(presented.getFirst());
        try {
            final PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(presented)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (final CertPathBuilderException | InvalidAlgorithmParameterException e) {
            return false;
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is part of every JDK", e);
        }
    }

    private static String date(final Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}

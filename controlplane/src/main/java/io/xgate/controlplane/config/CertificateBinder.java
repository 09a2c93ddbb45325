package io.xgate.controlplane.config;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code certificates} and {@code certificate-profiles}. The PEM files are read here, like key files, so a
 * file that cannot be read or parsed is a load error at its path; what the certificates mean (dates, key match,
 * key type) is {@link CertificateRules}' job. Keys come from files only: an inline key would end up in the
 * config that {@code show} prints and commits keep.
 */
final class CertificateBinder {
    private final SecretSources sources;

    CertificateBinder(final SecretSources sources) {
        this.sources = sources;
    }

    Certificate certificate(final Fields f) {
        final String name = f.name();
        final Node certificateNode = f.require("certificate-file");
        final String certificateFile = certificateNode.string("");
        final Node keyNode = f.get("private-key-file");
        final Optional<String> keyFile = Optional.ofNullable(keyNode.string(null));
        final boolean ca = f.get("ca").bool(false);
        final List<X509Certificate> chain = certificateFile.isEmpty() ? List.of() : chain(certificateNode, certificateFile);
        final Optional<PrivateKey> key = keyFile.flatMap(file -> key(keyNode, file));
        return new Certificate(name, certificateFile, keyFile, ca, chain, key);
    }

    static CertificateProfile profile(final Fields f) {
        return new CertificateProfile(f.name(), f.require("ca-certificates").list(n -> n.string("")));
    }

    private List<X509Certificate> chain(final Node node, final String file) {
        try {
            return PemFiles.certificates(sources.readFile(file));
        } catch (final IOException e) {
            node.errors().add(node.path(), "cannot read certificate file " + file + ": " + e.getClass().getSimpleName());
        } catch (final IllegalArgumentException e) {
            node.errors().add(node.path(), "certificate file " + file + " " + e.getMessage());
        }
        return List.of();
    }

    private Optional<PrivateKey> key(final Node node, final String file) {
        try {
            if (sources.readableByOthers(file)) {
                node.errors().add(node.path(), "private key file " + file
                        + " is readable by group or others: chmod 600 it");
                return Optional.empty();
            }
            return Optional.of(PemFiles.privateKey(sources.readFile(file)));
        } catch (final IOException e) {
            node.errors().add(node.path(), "cannot read private key file " + file + ": " + e.getClass().getSimpleName());
        } catch (final IllegalArgumentException e) {
            node.errors().add(node.path(), "private key file " + file + " " + e.getMessage());
        }
        return Optional.empty();
    }
}

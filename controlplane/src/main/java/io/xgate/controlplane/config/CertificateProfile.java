package io.xgate.controlplane.config;

import java.util.List;

/** A {@code certificate-profiles} entry: the CAs (names of {@code certificates}) a peer's certificate must chain to. */
public record CertificateProfile(String name, List<String> caCertificates) implements Named {

    public CertificateProfile {
        caCertificates = List.copyOf(caCertificates);
    }
}

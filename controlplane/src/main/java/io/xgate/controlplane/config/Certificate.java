package io.xgate.controlplane.config;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A {@code certificates} entry: the PEM file's certificates (ours first, then the intermediates that vouch for it)
 * and, unless it is only a CA ({@code ca: true}), the private key read from {@code private-key-file}. The chain is
 * empty and the key absent when the files failed to load (that error is already reported). Prints its file paths,
 * never the key.
 */
public record Certificate(String name, String certificateFile, Optional<String> privateKeyFile, boolean ca,
                          List<X509Certificate> chain, Optional<PrivateKey> privateKey) implements Named {

    public Certificate {
        chain = List.copyOf(chain);
    }

    /** The certificate itself (the first of the file), for a loaded entry. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    public boolean loaded() {
        return !chain.isEmpty();
    }

    @Override
    public String toString() {
        return "Certificate[name=" + name + ", certificate-file=" + certificateFile + ", private-key-file="
                + privateKeyFile.orElse("(none)") + ", ca=" + ca + "]";
    }
}

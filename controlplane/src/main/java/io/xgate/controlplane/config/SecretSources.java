package io.xgate.controlplane.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code key-env} and {@code key-file} secrets, certificates and private key files come from; injected so
 * tests need neither a real environment nor files.
 */
public interface SecretSources {

    Optional<String> environment(String name);

    String readFile(String path) throws IOException;

    /** Whether users other than the file's owner may read it (a private key file must be mode 0600 or stricter). */
    boolean readableByOthers(String path) throws IOException;

    static SecretSources system() {
        return new SecretSources() {
            @Override
            public Optional<String> environment(final String name) {
                return Optional.ofNullable(System.getenv(name));
            }

            @Override
            public String readFile(final String path) throws IOException {
                return Files.readString(Path.of(path), StandardCharsets.UTF_8);
            }

            @Override
            public boolean readableByOthers(final String path) throws IOException {
                final Set<PosixFilePermission> mode = Files.getPosixFilePermissions(Path.of(path));
                return mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ);
            }
        };
    }
}

package io.xgate.controlplane.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code key-env} and {@code key-file} secrets come from; injected so tests need neither a real
 * environment nor files.
 */
public interface SecretSources {

    Optional<String> environment(String name);

    String readFile(String path) throws IOException;

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
        };
    }
}

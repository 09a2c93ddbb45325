package io.xgate.dataplane.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an independent decoder (tshark, python3 with scapy) as a child process with a deadline, and
 * always reaps it. Output goes to temporary files, so a chatty tool cannot block on a full pipe.
 */
final class ExternalTool {
    static final String INSTALL_HINT = "scripts/test installs it (Debian packages tshark and python3-scapy)";

    private ExternalTool() {
    }

    record Output(int exitCode, String stdout, String stderr) {
    }

    /** Fails with the install hint when the executable is missing. */
    static Path require(final Path executable, final String what) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(what + " not found at " + executable + ": " + INSTALL_HINT);
        }
        return executable;
    }

    static Output run(final List<String> command, final Map<String, String> environment, final byte[] stdin,
                      final Duration timeout) throws IOException {
        final Path stdout = Files.createTempFile("xgate-tool", ".out");
        final Path stderr = Files.createTempFile("xgate-tool", ".err");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        final Process process = builder.start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(command.getFirst() + " did not finish within " + timeout + ": " + command);
            }
            return new Output(process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.getFirst(), e);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}

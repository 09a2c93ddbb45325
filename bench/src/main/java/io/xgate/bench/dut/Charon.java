package io.xgate.bench.dut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One strongSwan 5.9 {@code charon} in a bench namespace, in a directory of its own: its {@code strongswan.conf}
 * (through {@code STRONGSWAN_CONF}), vici socket, log and a private {@code /run} ({@code unshare --mount} and a
 * bind mount: its pid file path is compiled in), so several run side by side. {@code kernel-libipsec} is loaded
 * before {@code kernel-netlink}: this kernel has no ESP, so charon does ESP in user space over a TUN device.
 * Configured with swanctl over the vici socket; {@link #close()} stops it by PID.
 */
public final class Charon implements AutoCloseable {
    static final String PROGRAM = "/usr/lib/ipsec/charon";
    private static final long START_TIMEOUT_MS = 10_000;
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final Path dir;
    private final Process process;

    private Charon(final Path dir, final Process process) {
        this.dir = dir;
        this.process = process;
    }

    /**
     * Starts charon in {@code network} with {@code settings} added to the {@code charon { }} section of its
     * strongswan.conf, and loads {@code swanctlConf}; returns once it has.
     */
    public static Charon start(final BenchNetwork network, final Path dir, final String settings,
                               final String swanctlConf) throws IOException {
        if (!Files.isExecutable(Path.of(PROGRAM))) {
            throw new IOException(PROGRAM + " missing: install strongswan-charon strongswan-swanctl "
                    + "libcharon-extra-plugins (scripts/lib/env.sh lists them)");
        }
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("strongswan.conf"), strongswanConf(dir, settings), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("swanctl.conf"), swanctlConf, StandardCharsets.UTF_8);
        // ip netns exec, unshare and sh all exec: the Process is charon itself, so its PID is charon's.
        final ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", network.name(), "unshare", "--mount",
                "sh", "-c", "mount --bind \"$1\" /run && exec " + PROGRAM, "sh", dir.resolve("run").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("charon.out").toFile());
        builder.environment().put("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString());
        final Charon charon = new Charon(dir, builder.start());
        try {
            charon.awaitVici();
            charon.swanctl("--load-all", "--file", dir.resolve("swanctl.conf").toString());
            return charon;
        } catch (final IOException | RuntimeException e) {
            charon.close();
            throw e;
        }
    }

    private void awaitVici() throws IOException {
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!Files.exists(dir.resolve("charon.vici"))) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("charon did not open its vici socket: " + Files.readString(dir.resolve("charon.out")));
            }
            try {
                Thread.sleep(50);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while charon started", e);
            }
        }
    }

    private static String strongswanConf(final Path dir, final String settings) {
        return """
                charon {
                  load = random nonce openssl kdf kernel-libipsec kernel-netlink socket-default vici
                %s
                  plugins {
                    vici {
                      socket = unix://%s
                    }
                  }
                  filelog {
                    log {
                      path = %s
                      default = 1
                      flush_line = yes
                    }
                  }
                }
                """.formatted(settings.indent(2).stripTrailing(), dir.resolve("charon.vici"), dir.resolve("charon.log"));
    }

    /**
     * {@code swanctl ARGS --uri <this charon>} (the URI must follow the sub-command); its output. swanctl talks to
     * charon over the vici socket, a file: it needs no namespace.
     */
    public String swanctl(final String... arguments) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add("swanctl");
        command.addAll(List.of(arguments));
        command.add("--uri");
        command.add("unix://" + dir.resolve("charon.vici"));
        return BenchNetwork.output(command.toArray(String[]::new));
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM (charon removes its SAs, routes and TUN device), SIGKILL if it has not exited within 5 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package io.xgate.controlplane.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A strongSwan 5.9 charon with kernel-libipsec (user-space ESP over its TUN device) in the lab's gw-b namespace,
 * with its own strongswan.conf, vici socket in the lab directory and a private /run (charon's pid file path is
 * compiled in), configured through swanctl. Logging stays below the levels that print keys.
 */
final class StrongSwan implements AutoCloseable {
    private static final long READY_MILLIS = 10_000;

    private final TwoGatewayLab lab;
    private final Path dir;
    private final Process charon;

    StrongSwan(final TwoGatewayLab lab) throws IOException, InterruptedException {
        this(lab, "");
    }

    /** @param charonOptions more settings of the {@code charon} section, e.g. {@code fragment_size = 576} */
    StrongSwan(final TwoGatewayLab lab, final String charonOptions) throws IOException, InterruptedException {
        this.lab = lab;
        this.dir = Files.createDirectories(lab.dir().resolve("strongswan"));
        Files.writeString(dir.resolve("strongswan.conf"), """
            charon {
              load = random nonce openssl aes sha1 sha2 hmac gcm kdf kernel-libipsec kernel-netlink socket-default vici updown
              install_routes = yes
              retransmit_tries = 3
              retransmit_timeout = 1
              %s
              filelog {
                lab {
                  path = %s
                  time_format = %%T
                  flush_line = yes
                  default = 1
                  ike = 2
                  cfg = 2
                }
              }
              plugins {
                vici {
                  socket = unix://%s
                }
              }
            }
            """.formatted(charonOptions, log(), vici()));
        Files.deleteIfExists(log());
        // A socket file left by the previous charon would look ready before this one listens.
        Files.deleteIfExists(vici());
        final String ns = lab.gatewayNamespace(TwoGatewayLab.Side.B);
        charon = lab.startIn(ns, dir.resolve("charon.out"), "unshare", "--mount", "--propagation", "private", "sh", "-c",
            "mount -t tmpfs tmpfs /run && exec env STRONGSWAN_CONF=" + dir.resolve("strongswan.conf")
                + " /usr/lib/ipsec/charon");
        final long deadline = System.currentTimeMillis() + READY_MILLIS;
        while (!Files.exists(vici())) {
            if (!charon.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("charon did not start: " + Files.readString(dir.resolve("charon.out")));
            }
            Thread.sleep(50);
        }
    }

    private Path vici() {
        return dir.resolve("charon.vici");
    }

    Path log() {
        return dir.resolve("charon.log");
    }

    /** Loads {@code swanctl.conf} content (connections and secrets), replacing what was loaded. */
    void load(final String conf) throws IOException {
        final Path file = dir.resolve("swanctl.conf");
        Files.writeString(file, conf);
        swanctl("--load-all", "--clear", "--file", file.toString());
    }

    String initiate(final String child) throws IOException {
        return swanctl("--initiate", "--child", child, "--timeout", "15");
    }

    String swanctl(final String... args) throws IOException {
        final String[] command = new String[args.length + 3];
        command[0] = "swanctl";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--uri";
        command[args.length + 2] = "unix://" + vici();
        return lab.in(lab.gatewayNamespace(TwoGatewayLab.Side.B), command);
    }

    @Override
    public void close() throws InterruptedException {
        charon.destroy();
        if (!charon.waitFor(10, TimeUnit.SECONDS)) {
            charon.destroyForcibly();
        }
    }
}

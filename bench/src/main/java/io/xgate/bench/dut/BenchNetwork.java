package io.xgate.bench.dut;

import io.xgate.linux.sys.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of its own ({@code xgb-XXXXXX}) holding every veth a DUT path needs, both ends of each
 * pair, so nothing but the namespace appears on the host; {@link #close()} deletes it and the veths with it.
 * Devices are set up with {@code ip}; AF_XDP sockets and XDP programs are opened by a thread that has
 * {@link #enter}ed the namespace.
 */
public final class BenchNetwork implements AutoCloseable {
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final String name;
    private boolean closed;

    private BenchNetwork(final String name) {
        this.name = name;
    }

    public static BenchNetwork create() throws IOException {
        final BenchNetwork network = new BenchNetwork(
                "xgb-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff)));
        run("ip", "netns", "add", network.name);
        try {
            network.ip("link", "set", "lo", "up");
        } catch (final IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    /** Adds a veth pair inside the namespace, both ends up, no addresses (the frames are made in user space). */
    public void addVethPair(final String a, final String macA, final String b, final String macB) throws IOException {
        addVethPair(a, macA, b, macB, 1);
    }

    /** The same with {@code queues} transmit and receive queues at each end (one per worker of a gateway). */
    public void addVethPair(final String a, final String macA, final String b, final String macB, final int queues)
            throws IOException {
        final String q = Integer.toString(queues);
        ip("link", "add", a, "address", macA, "numtxqueues", q, "numrxqueues", q, "type", "veth", "peer", "name", b,
                "address", macB, "numtxqueues", q, "numrxqueues", q);
        ip("link", "set", a, "up");
        ip("link", "set", b, "up");
    }

    public void setMtu(final String device, final int mtu) throws IOException {
        ip("link", "set", device, "mtu", Integer.toString(mtu));
    }

    /** Moves {@code device} into {@code other}'s namespace; it comes back down there. */
    public void moveTo(final String device, final BenchNetwork other) throws IOException {
        ip("link", "set", device, "netns", other.name);
    }

    public String name() {
        return name;
    }

    /** The namespace's file, for {@link NetworkNamespace#enter}. */
    public Path path() {
        return Path.of("/run/netns", name);
    }

    /** Moves the calling thread into the namespace until the returned handle is closed. */
    public NetworkNamespace enter() {
        return NetworkNamespace.enter(path());
    }

    /** {@code ip -n NAME arguments...}. */
    public void ip(final String... arguments) throws IOException {
        final List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    /** Runs a short command inside the namespace ({@code ip netns exec}), e.g. sysctl. */
    public void exec(final String... arguments) throws IOException {
        final List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    static void run(final String... command) throws IOException {
        output(command);
    }

    /** Runs a short command; its output (stdout and stderr) when it exits 0, else an IOException with it. */
    static String output(final String... command) throws IOException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read before waiting: a command whose output outgrows the pipe (swanctl --list-sas) blocks until read.
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
        }
        return output;
    }

    /** Deletes the namespace, which takes its veths along. Close every socket and XDP link in it first. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            run("ip", "netns", "del", name);
        }
    }
}

package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.linux.netlink.MacAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A path some other program builds: the bench creates its namespace with two veth pairs, gen0 ↔ dut-in and
 * dut-out ↔ sink0, then runs {@code PROGRAM ARGS up}; after the last trial {@code PROGRAM ARGS down}, also when
 * {@code up} failed, then deletes the namespace. The contract (README, Benchmarks):
 * <ul>
 *   <li>the environment names everything: {@code XGATE_NS} (the namespace), {@code XGATE_DUT_IN} and
 *   {@code XGATE_DUT_OUT} (the DUT's two devices, up, no addresses), {@code XGATE_SINK_MAC},
 *   {@code XGATE_SINK_V4}, {@code XGATE_SINK_V6}, {@code XGATE_SOURCE_NETS} and {@code XGATE_SINK_NETS}
 *   (comma-separated prefixes);</li>
 *   <li>{@code up} returns 0 within 60 s once frames sent to dut-in's MAC (kept as it is) for the sink's
 *   networks leave dut-out toward the sink's MAC; it may move dut-in and dut-out into namespaces of its own
 *   and start processes;</li>
 *   <li>{@code down} removes everything {@code up} made (processes, namespaces) within 60 s.</li>
 * </ul>
 * Both inherit the bench's stdout/stderr. {@code scripts/bench-dut-kernel} is an example: Linux forwarding.
 */
public final class CommandPath implements TrafficPath {
    private static final String DUT_IN = "dut-in";
    private static final String DUT_OUT = "dut-out";
    private static final String GENERATOR_MAC = "02:78:62:00:07:01";
    private static final String DUT_IN_MAC = "02:78:62:00:07:02";
    private static final String DUT_OUT_MAC = "02:78:62:00:08:01";
    private static final String SINK_MAC = "02:78:62:00:08:02";
    private static final long TIMEOUT_SECONDS = 60;

    private final BenchNetwork network;
    private final List<String> command;

    private CommandPath(final BenchNetwork network, final List<String> command) {
        this.network = network;
        this.command = command;
    }

    /** {@code commandLine}: the program and its arguments, separated by blanks. */
    public static CommandPath create(final String commandLine) throws IOException {
        final List<String> command = Arrays.stream(commandLine.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: needs a program");
        }
        final BenchNetwork network = BenchNetwork.create();
        final CommandPath path = new CommandPath(network, command);
        try {
            network.addVethPair(GENERATOR_DEVICE, GENERATOR_MAC, DUT_IN, DUT_IN_MAC);
            network.addVethPair(DUT_OUT, DUT_OUT_MAC, SINK_DEVICE, SINK_MAC);
            path.invoke("up");
            return path;
        } catch (final IOException | RuntimeException e) {
            path.close();
            throw e;
        }
    }

    private void invoke(final String action) throws IOException {
        final List<String> line = new ArrayList<>(command);
        line.add(action);
        final ProcessBuilder builder = new ProcessBuilder(line).inheritIO();
        final Map<String, String> env = builder.environment();
        env.put("XGATE_NS", network.name());
        env.put("XGATE_DUT_IN", DUT_IN);
        env.put("XGATE_DUT_OUT", DUT_OUT);
        env.put("XGATE_SINK_MAC", SINK_MAC);
        env.put("XGATE_SINK_V4", SINK_V4.toString());
        env.put("XGATE_SINK_V6", SINK_V6.toString());
        env.put("XGATE_SOURCE_NETS", "198.18.0.0/16,2001:db8:18::/48");
        env.put("XGATE_SINK_NETS", String.join(",", GatewayPairPath.SINK_NETWORKS.stream().map(Object::toString).toList()));
        final Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", line) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", line), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " exited " + process.exitValue());
        }
    }

    @Override
    public Path namespace() {
        return network.path();
    }

    @Override
    public TrafficProfile profile(final int flows, final boolean ipv6) {
        return TrafficPath.profile(MacAddress.parse(GENERATOR_MAC).value(), MacAddress.parse(DUT_IN_MAC).value(),
                flows, ipv6);
    }

    /** Runs {@code down}, then deletes the namespace whatever {@code down} did. */
    @Override
    public void close() {
        try {
            invoke("down");
        } catch (final IOException e) {
            System.err.println("command DUT: " + e.getMessage());
        } finally {
            try {
                network.close();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

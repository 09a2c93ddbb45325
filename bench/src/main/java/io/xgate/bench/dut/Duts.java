package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrialProgress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The DUTs {@code --dut} names, each opened with its path built and its sockets bound. */
public final class Duts {
    public static final String LOOPBACK = "loopback";
    public static final String XGATE = "xgate";
    public static final String XGATE_FORWARD = "xgate-forward";
    /** {@code xgate} with two workers per gateway, every packet handed over on both ({@link GatewayPairPath}). */
    public static final String XGATE_2W = "xgate-2w";
    public static final String STRONGSWAN = "strongswan";
    /** The gateways {@code scripts/lab up} runs (the demo's throughput run). */
    public static final String LAB = "lab";
    /** {@code command:PROGRAM ARGS}: an external program sets up the path ({@link CommandPath}). */
    public static final String COMMAND_PREFIX = "command:";
    public static final List<String> NAMES = List.of(LOOPBACK, XGATE, XGATE_FORWARD, XGATE_2W, STRONGSWAN,
            LAB);

    private Duts() {
    }

    /** A comma-separated list of DUT names; a {@code command:} DUT must come last, its arguments may hold commas. */
    public static List<String> parseList(final String text) {
        final int command = text.indexOf(COMMAND_PREFIX);
        final String named = command < 0 ? text : text.substring(0, command);
        final List<String> duts = new ArrayList<>(Arrays.stream(named.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        if (command >= 0) {
            duts.add(text.substring(command));
        }
        for (final String dut : duts) {
            if (!NAMES.contains(dut) && !dut.startsWith(COMMAND_PREFIX)) {
                throw new IllegalArgumentException("unknown DUT " + dut + "; one of " + NAMES + " or command:PROGRAM");
            }
        }
        if (duts.isEmpty() || duts.size() != duts.stream().distinct().count()) {
            throw new IllegalArgumentException("--dut needs distinct DUT names: " + text);
        }
        return List.copyOf(duts);
    }

    public static TrafficDut open(final String name, final int flows, final boolean ipv6, final Duration drain,
                                  final TrialProgress progress) throws IOException {
        final TrafficPath path = switch (name) {
            case LOOPBACK -> LoopbackPath.create();
            case XGATE -> GatewayPairPath.create(GatewayPairPath.Mode.ESP);
            case XGATE_FORWARD -> GatewayPairPath.create(GatewayPairPath.Mode.CLEAR);
            case XGATE_2W -> GatewayPairPath.create(GatewayPairPath.Mode.ESP, 2);
            case STRONGSWAN -> StrongswanPath.create();
            case LAB -> LabPath.attach();
            default -> {
                if (!name.startsWith(COMMAND_PREFIX)) {
                    throw new IllegalArgumentException("unknown DUT " + name + "; one of " + NAMES);
                }
                yield CommandPath.create(name.substring(COMMAND_PREFIX.length()));
            }
        };
        return TrafficDut.open(name, path, flows, ipv6, drain, progress);
    }
}

package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrialProgress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The DUTs {@code --dut} names, each opened with its path built and its sockets bound. */
public final class Duts {
    public static final String LOOPBACK = "loopback";
    public static final String XGATE_FORWARD = "xgate-forward";
    public static final List<String> NAMES = List.of(LOOPBACK, XGATE_FORWARD);

    private Duts() {
    }

    public static TrafficDut open(final String name, final int flows, final boolean ipv6, final Duration drain,
                                  final TrialProgress progress) throws IOException {
        final TrafficPath path = switch (name) {
            case LOOPBACK -> LoopbackPath.create();
            case XGATE_FORWARD -> XgateForwardPath.create();
            default -> throw new IllegalArgumentException("unknown DUT " + name + "; one of " + NAMES);
        };
        return TrafficDut.open(name, path, flows, ipv6, drain, progress);
    }
}

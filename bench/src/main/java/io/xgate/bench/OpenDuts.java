package io.xgate.bench;

import io.xgate.bench.dut.Duts;
import io.xgate.bench.dut.TrafficDut;
import io.xgate.bench.traffic.TrialProgress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Several DUTs open at once, for runs that take turns between them; closing closes every one of them. */
final class OpenDuts implements AutoCloseable {
    private final List<TrafficDut> duts = new ArrayList<>();

    static OpenDuts open(final List<String> names, final int flows, final boolean ipv6, final Duration drain,
                         final TrialProgress progress) throws IOException {
        final OpenDuts open = new OpenDuts();
        try {
            for (final String name : names) {
                System.err.println("setting up DUT " + name + " ...");
                open.duts.add(Duts.open(name, flows, ipv6, drain, progress));
            }
            return open;
        } catch (final IOException | RuntimeException e) {
            open.close();
            throw e;
        }
    }

    List<TrafficDut> list() {
        return List.copyOf(duts);
    }

    /** Closes the DUTs in reverse order of opening; each is closed even when another one fails to. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (final TrafficDut dut : duts.reversed()) {
            try {
                dut.close();
            } catch (final RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        duts.clear();
        if (failure != null) {
            throw failure;
        }
    }
}

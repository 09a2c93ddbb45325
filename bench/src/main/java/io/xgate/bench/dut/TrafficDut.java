package io.xgate.bench.dut;

import io.xgate.bench.search.Dut;
import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.Generator;
import io.xgate.bench.traffic.Sink;
import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.bench.traffic.TrialProgress;
import io.xgate.bench.traffic.TrialResult;
import io.xgate.bench.traffic.TrialRunner;
import io.xgate.linux.sys.NetworkNamespace;
import java.time.Duration;

/**
 * A DUT measured with this module's AF_XDP generator and sink at the two ends of a {@link TrafficPath}. The
 * sockets are opened once, in the path's namespace, and reused by every trial; closing closes them and then
 * the path.
 */
public final class TrafficDut implements Dut {
    private final String name;
    private final TrafficPath path;
    private final Generator generator;
    private final Sink sink;
    private final TrialRunner runner;

    private TrafficDut(final String name, final TrafficPath path, final Generator generator, final Sink sink,
                       final TrialRunner runner) {
        this.name = name;
        this.path = path;
        this.generator = generator;
        this.sink = sink;
        this.runner = runner;
    }

    /** Takes ownership of {@code path}: it is closed here if opening fails, else by {@link #close()}. */
    public static TrafficDut open(final String name, final TrafficPath path, final int flows, final boolean ipv6,
                                  final Duration drain, final TrialProgress progress) {
        Generator generator = null;
        try {
            final TrafficProfile profile = path.profile(flows, ipv6);
            try (NetworkNamespace inside = NetworkNamespace.enter(path.generatorNamespace())) {
                generator = Generator.open(path.generatorDevice(), profile);
            }
            final Sink sink;
            try (NetworkNamespace inside = NetworkNamespace.enter(path.sinkNamespace())) {
                sink = Sink.open(path.sinkDevice(), flows);
            }
            return new TrafficDut(name, path, generator, sink, new TrialRunner(generator, sink, drain, progress));
        } catch (final RuntimeException e) {
            if (generator != null) {
                generator.close();
            }
            path.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    public TrafficProfile profile() {
        return generator.profile();
    }

    @Override
    public TrialResult runTrial(final double ratePps, final FrameSizes sizes, final Duration duration) {
        return runner.run(ratePps, sizes, duration);
    }

    @Override
    public void close() {
        try {
            sink.close();
            generator.close();
        } finally {
            path.close();
        }
    }
}

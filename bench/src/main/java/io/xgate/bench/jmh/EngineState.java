package io.xgate.bench.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every ESP benchmark shares: the suite and inner packet size parameters, a batch of frames and the SA.
 *
 * <p>Each benchmark processes the whole batch per invocation ({@code @OperationsPerInvocation(BATCH)}), and
 * brings the frames back to their input state in a {@code Level.Invocation} setup, which JMH leaves out of
 * the measured time. The price is two {@code nanoTime} calls per 64 packets (~0.7 ns per packet here), paid
 * alike by the engine and the bare-cipher baseline.
 */
@State(Scope.Thread)
public abstract class EngineState {
    /** IP packet length entering the tunnel. */
    @Param({"64", "256", "1400", "8192"})
    public int size;

    @Param
    public BenchSuite suite;

    PacketFrames frames;
    BenchSa sa;
    private long failures;

    /** JMH orders setup methods of one level arbitrarily, so subclasses extend {@link #build()} instead. */
    @Setup(Level.Trial)
    public final void setUp() {
        frames = new PacketFrames(size);
        sa = new BenchSa(suite);
        build();
    }

    /** What a benchmark needs besides the frames and the SA spec. */
    abstract void build();

    /** Counts a packet the engine refused; a benchmark of drops would measure the wrong path. */
    final void failed(final int count) {
        failures += count;
    }

    @TearDown(Level.Iteration)
    public void checkNothingDropped() {
        if (failures != 0) {
            throw new IllegalStateException(failures + " packets failed in " + getClass().getSimpleName() + " "
                    + suite + " " + size + " B");
        }
    }

    @TearDown(Level.Trial)
    public void freeFrames() {
        frames.close();
    }
}

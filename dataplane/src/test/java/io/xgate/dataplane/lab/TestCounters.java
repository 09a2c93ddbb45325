package io.xgate.dataplane.lab;

import io.xgate.dataplane.counters.FifoCountersManager;
import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/** Counters in plain off-heap buffers, for tests that need no file. */
public final class TestCounters {
    private TestCounters() {
    }

    public static CountersManager manager() {
        return manager(4096);
    }

    /** Room for exactly {@code max} counters, for tests of a full counters file. */
    public static CountersManager manager(final int max) {
        return new FifoCountersManager(
                new UnsafeBuffer(ByteBuffer.allocateDirect(max * CountersReader.METADATA_LENGTH)),
                new UnsafeBuffer(ByteBuffer.allocateDirect(max * CountersReader.COUNTER_LENGTH)));
    }
}

package io.xgate.dataplane.counters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

class FifoCountersManagerTest {
    private static final int MAX = 256;

    private final UnsafeBuffer agronaMetadata = buffer(CountersReader.METADATA_LENGTH);
    private final UnsafeBuffer agronaValues = buffer(CountersReader.COUNTER_LENGTH);
    private final UnsafeBuffer fifoMetadata = buffer(CountersReader.METADATA_LENGTH);
    private final UnsafeBuffer fifoValues = buffer(CountersReader.COUNTER_LENGTH);
    private final CountersManager agrona = new CountersManager(agronaMetadata, agronaValues);
    private final CountersManager fifo = new FifoCountersManager(fifoMetadata, fifoValues);

    private static UnsafeBuffer buffer(final int perCounter) {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(MAX * perCounter));
    }

    /** Random allocations, increments and frees on both managers leave byte-identical files and the same ids. */
    @Test
    void writesTheSameRecordsAndReusesTheSameIdsAsAgronasManager() {
        final Random random = new Random(42);
        final List<AtomicCounter> agronaLive = new ArrayList<>();
        final List<AtomicCounter> fifoLive = new ArrayList<>();
        final UnsafeBuffer labelBuffer = new UnsafeBuffer(new byte[64]);
        for (int step = 0; step < 5000; step++) {
            final int op = random.nextInt(10);
            if (op < 5 && agrona.available() > 0) {
                final long key = random.nextLong();
                final String label = "sa in 0x" + Long.toHexString(key) + " to-b: drop é" + step;
                final int type = random.nextInt(4);
                final AtomicCounter a;
                final AtomicCounter f;
                if (op == 0) {
                    final int length = labelBuffer.putStringWithoutLengthUtf8(0, "buffer label " + step);
                    a = agrona.newCounter(type, null, 0, 0, labelBuffer, 0, length);
                    f = fifo.newCounter(type, null, 0, 0, labelBuffer, 0, length);
                } else if (op == 1) {
                    a = agrona.newCounter(label, type);
                    f = fifo.newCounter(label, type);
                } else {
                    a = agrona.newCounter(label, type, b -> b.putLong(0, key));
                    f = fifo.newCounter(label, type, b -> b.putLong(0, key));
                }
                assertEquals(a.id(), f.id());
                agronaLive.add(a);
                fifoLive.add(f);
            } else if (op < 8 && !agronaLive.isEmpty()) {
                final int i = random.nextInt(agronaLive.size());
                final long delta = random.nextInt(1000);
                agronaLive.get(i).getAndAddRelease(delta);
                fifoLive.get(i).getAndAddRelease(delta);
            } else if (!agronaLive.isEmpty()) {
                final int i = random.nextInt(agronaLive.size());
                agronaLive.remove(i).close();
                fifoLive.remove(i).close();
            }
            assertEquals(agrona.available(), fifo.available());
        }
        assertArrayEquals(bytes(agronaMetadata), bytes(fifoMetadata));
        assertArrayEquals(bytes(agronaValues), bytes(fifoValues));
    }

    @Test
    void freeingACounterTwiceIsRefused() {
        final int id = fifo.allocate("x");
        fifo.free(id);
        assertThrows(IllegalStateException.class, () -> fifo.free(id));
    }

    private static byte[] bytes(final UnsafeBuffer buffer) {
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}

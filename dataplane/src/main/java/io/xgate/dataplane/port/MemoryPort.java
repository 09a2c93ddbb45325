package io.xgate.dataplane.port;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A port whose wire is the caller: frames are injected as bytes and transmitted frames are collected as bytes
 * (or handed to a sink such as a pcap writer). Lets the whole pipeline run without a kernel, deterministically.
 * Injection copies, so it is for tests and the demo, not for measuring the I/O path.
 */
public final class MemoryPort implements PacketPort {
    private final int id;
    private final String name;
    private final long mac;
    private final FramePool pool;
    private final ArrayDeque<long[]> received = new ArrayDeque<>();
    private final List<byte[]> transmitted = new ArrayList<>();
    private Consumer<byte[]> sink = transmitted::add;

    public MemoryPort(final int id, final String name, final long mac, final FramePool pool) {
        this.id = id;
        this.name = name;
        this.mac = mac;
        this.pool = pool;
    }

    /** Where transmitted frames go instead of the internal list (e.g. a capture file). */
    public void sink(final Consumer<byte[]> sink) {
        this.sink = sink;
    }

    /** Puts a frame on the wire towards this port; false when no frame memory is free or it is too large. */
    public boolean inject(final byte[] frame) {
        final FrameMemory memory = pool.memory();
        if (frame.length > memory.frameSize() - memory.headroom()) {
            return false;
        }
        final long chunk = pool.take();
        if (chunk < 0) {
            return false;
        }
        final long address = chunk + memory.headroom();
        MemorySegment.copy(frame, 0, memory.segment(), ValueLayout.JAVA_BYTE, address, frame.length);
        received.add(new long[] {address, frame.length});
        return true;
    }

    /** Frames sent by this port since the last call. */
    public List<byte[]> drainTransmitted() {
        final List<byte[]> out = new ArrayList<>(transmitted);
        transmitted.clear();
        return out;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long macAddress() {
        return mac;
    }

    @Override
    public int receive(final FrameBatch batch) {
        int n = 0;
        while (!batch.isFull() && !received.isEmpty()) {
            final long[] d = received.poll();
            batch.add(d[0], (int) d[1]);
            n++;
        }
        return n;
    }

    @Override
    public int transmit(final FrameBatch batch) {
        final MemorySegment memory = pool.memory().segment();
        for (int i = 0; i < batch.size(); i++) {
            sink.accept(memory.asSlice(batch.address(i), batch.length(i)).toArray(ValueLayout.JAVA_BYTE));
            pool.give(batch.address(i));
        }
        return batch.size();
    }

    @Override
    public void recycle(final long address) {
        pool.give(address);
    }
}

package io.xgate.bench.jmh;

import io.xgate.dataplane.lab.FrameBuilder;
import io.xgate.dataplane.packet.EthernetFrame;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.PacketBuffer;
import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FrameMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One batch of off-heap frames, each holding the same Ethernet + IPv4/UDP packet of {@code ipLength} bytes at
 * the headroom offset, as a port would receive them. A batch rather than one frame keeps the working set of a
 * real burst (64 × 1400 B does not fit in L1).
 */
final class PacketFrames implements AutoCloseable {
    static final int BATCH = FrameBatch.CAPACITY;
    static final int HEADROOM = 256;
    static final String SOURCE = "198.18.1.10";
    static final String DESTINATION = "198.18.2.10";
    static final String DESTINATION_NETWORK = "198.18.2.0/24";
    /** ESP padding, trailer and ICV grow the packet by at most this much. */
    private static final int TAILROOM = 64;
    /** AF_XDP's usual frame; jumbo packets get the next power of two. */
    private static final int MIN_FRAME = 4096;
    private static final int UDP_IP_HEADERS = Ipv4Packet.MIN_HEADER + 8;
    /** Ethernet, IPv4 and UDP headers: all that encapsulation and forwarding read of the packet. */
    private static final int HEADERS = EthernetFrame.LENGTH + UDP_IP_HEADERS;

    private final Arena arena = Arena.ofShared();
    private final FrameMemory memory;
    private final int ipLength;
    private final MemorySegment pristine;

    PacketFrames(final int ipLength) {
        if (ipLength < UDP_IP_HEADERS) {
            throw new IllegalArgumentException("an IPv4/UDP packet needs at least " + UDP_IP_HEADERS + " bytes");
        }
        this.ipLength = ipLength;
        final int needed = HEADROOM + EthernetFrame.LENGTH + ipLength + TAILROOM;
        final int frameSize = Math.max(MIN_FRAME, Integer.highestOneBit(needed - 1) << 1);
        this.memory = FrameMemory.allocate(arena, frameSize, BATCH, HEADROOM);
        final byte[] frame = FrameBuilder.udp(0x02_00_00_00_01_0AL, 0x02_00_00_00_01_01L, SOURCE, DESTINATION,
                1024, 2048, ipLength - UDP_IP_HEADERS);
        this.pristine = arena.allocate(frame.length);
        MemorySegment.copy(frame, 0, pristine, ValueLayout.JAVA_BYTE, 0, frame.length);
        for (int i = 0; i < BATCH; i++) {
            MemorySegment.copy(pristine, 0, memory.segment(), frameStart(i), frame.length);
        }
    }

    FrameMemory memory() {
        return memory;
    }

    MemorySegment segment() {
        return memory.segment();
    }

    int ipLength() {
        return ipLength;
    }

    int frameLength() {
        return EthernetFrame.LENGTH + ipLength;
    }

    /** Where frame i's Ethernet header starts, as a port delivers it. */
    long frameStart(final int i) {
        return (long) i * memory.frameSize() + HEADROOM;
    }

    long ipStart(final int i) {
        return frameStart(i) + EthernetFrame.LENGTH;
    }

    /**
     * Rewrites frame i's headers, which encapsulation encrypted or forwarding changed (TTL, checksum), so
     * the frame can be processed again. The payload is left as it is: encrypting it costs the same whatever
     * its bytes, so only {@value #HEADERS} bytes are copied, and never inside a measured op.
     */
    void restoreHeaders(final int i) {
        MemorySegment.copy(pristine, 0, memory.segment(), frameStart(i), HEADERS);
    }

    /** Points {@code pkt} at frame i's IP packet within its chunk. */
    void wrapIp(final PacketBuffer pkt, final int i) {
        final long chunk = memory.chunkOf(ipStart(i));
        pkt.wrap(memory.segment(), chunk, chunk + memory.frameSize(), ipStart(i), ipLength);
    }

    /** Points {@code pkt} at [start, start + length) of frame i's chunk. */
    void wrap(final PacketBuffer pkt, final int i, final long start, final int length) {
        final long chunk = memory.chunkOf(ipStart(i));
        pkt.wrap(memory.segment(), chunk, chunk + memory.frameSize(), start, length);
    }

    @Override
    public void close() {
        arena.close();
    }
}

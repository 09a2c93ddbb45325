package io.xgate.bench.traffic;

import io.xgate.dataplane.packet.Checksum;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.Wire;
import java.lang.foreign.MemorySegment;

/**
 * The generator's frames, built once into the UMEM: slot {@code i} carries flow {@code i % flows} at size
 * {@code sizes[(i / flows) % cycle]}, so every flow sends every size of the cycle in turn. Sending walks the
 * slots round-robin and patches only the sequence number, the timestamp and (IPv6, where UDP needs one) the
 * UDP checksum, from a per-slot partial sum taken with both fields zero.
 */
public final class FrameTemplates {
    static final int ETHERNET = 14;
    static final int IPV4 = 20;
    static final int IPV6 = 40;
    static final int UDP = 8;
    /** At least this many slots, so the TX ring (2048) never waits on a slot still in flight. */
    public static final int MIN_SLOTS = 4096;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int PROTO_UDP = 17;
    private static final int TTL = 64;

    private final int slots;
    private final int[] stream;
    private final int[] length;
    private final long[] checksumBase;
    private final int payloadAt;
    private final boolean udpChecksum;

    private FrameTemplates(final int slots, final int payloadAt, final boolean udpChecksum) {
        this.slots = slots;
        this.stream = new int[slots];
        this.length = new int[slots];
        this.checksumBase = new long[slots];
        this.payloadAt = payloadAt;
        this.udpChecksum = udpChecksum;
    }

    /** Slots needed for {@code profile} and {@code sizes}: a multiple of flows × cycle, at least {@link #MIN_SLOTS}. */
    public static int slotsFor(final TrafficProfile profile, final FrameSizes sizes) {
        final int period = profile.flows() * sizes.cycleLength();
        return (MIN_SLOTS + period - 1) / period * period;
    }

    /** Writes every slot into {@code area}, slot {@code i} at {@code i * frameSize}. */
    public static FrameTemplates build(final MemorySegment area, final int frameSize, final TrafficProfile profile,
                                       final FrameSizes sizes) {
        profile.requireFits(sizes);
        final int slots = slotsFor(profile, sizes);
        final FrameTemplates t = new FrameTemplates(slots, profile.headerBytes(), !profile.ipv4());
        for (int i = 0; i < slots; i++) {
            final int flow = i % profile.flows();
            final int bytes = FrameSizes.wireBytes(sizes.size((i / profile.flows()) % sizes.cycleLength()));
            final MemorySegment frame = area.asSlice((long) i * frameSize, frameSize);
            frame.asSlice(0, bytes).fill((byte) 0);
            t.stream[i] = flow;
            t.length[i] = bytes;
            t.checksumBase[i] = t.write(frame, profile, flow, bytes);
        }
        return t;
    }

    /** Writes one frame with sequence and timestamp zero; returns the UDP checksum's partial sum (IPv6) or 0. */
    private long write(final MemorySegment f, final TrafficProfile p, final int flow, final int bytes) {
        Wire.u16(f, 0, (int) (p.destinationMac() >>> 32));
        Wire.u32(f, 2, (int) p.destinationMac());
        Wire.u16(f, 6, (int) (p.sourceMac() >>> 32));
        Wire.u32(f, 8, (int) p.sourceMac());
        final int udpAt = payloadAt - UDP;
        final int udpLength = bytes - udpAt;
        final IpAddress source = p.source();
        if (p.ipv4()) {
            Wire.u16(f, 12, ETHERTYPE_IPV4);
            Wire.u8(f, ETHERNET, 0x45);
            Wire.u16(f, ETHERNET + 2, bytes - ETHERNET);
            Wire.u8(f, ETHERNET + 8, TTL);
            Wire.u8(f, ETHERNET + 9, PROTO_UDP);
            Wire.u32(f, ETHERNET + 12, source.v4() + flow);
            Wire.u32(f, ETHERNET + 16, p.destination().v4());
            Wire.u16(f, ETHERNET + 10, Checksum.compute(f, ETHERNET, IPV4));
        } else {
            Wire.u16(f, 12, ETHERTYPE_IPV6);
            Wire.u32(f, ETHERNET, 0x6000_0000);
            Wire.u16(f, ETHERNET + 4, udpLength);
            Wire.u8(f, ETHERNET + 6, PROTO_UDP);
            Wire.u8(f, ETHERNET + 7, TTL);
            f.set(Wire.U64, ETHERNET + 8, source.high());
            f.set(Wire.U64, ETHERNET + 16, source.low() + flow);
            f.set(Wire.U64, ETHERNET + 24, p.destination().high());
            f.set(Wire.U64, ETHERNET + 32, p.destination().low());
        }
        Wire.u16(f, udpAt, p.sourcePort() + flow);
        Wire.u16(f, udpAt + 2, p.destinationPort());
        Wire.u16(f, udpAt + 4, udpLength);
        ProbePayload.writeHeader(f, payloadAt, flow);
        if (p.ipv4()) {
            return 0; // UDP checksum 0: optional over IPv4, and veth would never fill it in
        }
        // Pseudo-header (addresses, length, next header) plus the UDP header and payload as built.
        final long pseudo = Checksum.sum(f, ETHERNET + 8, 32, udpLength + PROTO_UDP);
        return Checksum.sum(f, udpAt, udpLength, pseudo);
    }

    public int slots() {
        return slots;
    }

    public int stream(final int slot) {
        return stream[slot];
    }

    public int length(final int slot) {
        return length[slot];
    }

    /** Stamps the frame in {@code slot} (at {@code frame} in the UMEM) with its sequence number and send time. */
    void stamp(final MemorySegment area, final long frame, final int slot, final long sequence, final long nanoTime) {
        final long at = frame + payloadAt;
        ProbePayload.writeSequence(area, at, sequence);
        ProbePayload.writeTimestamp(area, at, nanoTime);
        if (udpChecksum) {
            final long ts = nanoTime & ProbePayload.TIMESTAMP_MASK;
            final long sum = checksumBase[slot]
                    + (sequence >>> 48) + ((sequence >>> 32) & 0xFFFF) + ((sequence >>> 16) & 0xFFFF) + (sequence & 0xFFFF)
                    + (ts >>> 32) + ((ts >>> 16) & 0xFFFF) + (ts & 0xFFFF);
            final int checksum = Checksum.finish(sum);
            Wire.u16(area, frame + payloadAt - 2, checksum == 0 ? 0xFFFF : checksum);
        }
    }
}

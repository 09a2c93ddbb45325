package io.xgate.dataplane.crypto;

import java.lang.foreign.MemorySegment;

/**
 * A keyed, truncated HMAC over a contiguous region of a frame (AH ICVs), optionally followed by the
 * ESN high half as RFC 4302 §2.5.1 requires. Owned by one worker; no allocation per packet.
 */
public interface PacketMac extends AutoCloseable {
    IntegrityAlgorithm algorithm();

    int icvLength();

    /** Computes the truncated ICV of [offset, offset+length) (plus seqHi when esn) into {@code out} at outOffset. */
    void compute(MemorySegment frame, long offset, int length, boolean esn, int seqHi, MemorySegment out, long outOffset);

    /** Constant-time check of the ICV stored at icvOffset against the region's MAC. */
    boolean verify(MemorySegment frame, long offset, int length, boolean esn, int seqHi, long icvOffset);

    @Override
    void close();
}

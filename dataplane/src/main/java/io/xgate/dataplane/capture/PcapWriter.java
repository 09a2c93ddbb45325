package io.xgate.dataplane.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Ethernet frames to a classic libpcap file (microsecond timestamps, LINKTYPE_ETHERNET).
 * The header and copy buffers are reused, so writing a frame allocates nothing beyond what the stream does.
 * Not thread-safe: one writer per capture point.
 */
public final class PcapWriter implements AutoCloseable {
    /** Frames longer than this are truncated in the file; the record keeps their original length. */
    public static final int SNAPLEN = 65_535;

    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int LINKTYPE_ETHERNET = 1;
    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    private static final short VERSION_MAJOR = 2;
    private static final short VERSION_MINOR = 4;
    private static final int BUFFER_SIZE = 1 << 16;

    private final OutputStream out;
    private final ByteBuffer recordHeader = ByteBuffer.allocate(RECORD_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    // MemorySegment frames may live off-heap; OutputStream only takes arrays.
    private final byte[] frameCopy = new byte[SNAPLEN];

    public PcapWriter(final OutputStream out) throws IOException {
        this.out = out;
        final ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC_MICROS).putShort(VERSION_MAJOR).putShort(VERSION_MINOR)
            .putInt(0) // thiszone: timestamps are UTC
            .putInt(0) // sigfigs
            .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
        out.write(header.array());
    }

    /** Creates (or truncates) the file and writes the pcap file header. */
    public static PcapWriter create(final Path file) throws IOException {
        return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file), BUFFER_SIZE));
    }

    /** Writes the whole segment as one frame. */
    public void write(final MemorySegment frame, final long epochNanos) throws IOException {
        final int captured = writeRecordHeader(frame.byteSize(), epochNanos);
        MemorySegment.copy(frame, ValueLayout.JAVA_BYTE, 0, frameCopy, 0, captured);
        out.write(frameCopy, 0, captured);
    }

    public void write(final byte[] frame, final int offset, final int length, final long epochNanos) throws IOException {
        final int captured = writeRecordHeader(length, epochNanos);
        out.write(frame, offset, captured);
    }

    public void write(final byte[] frame, final long epochNanos) throws IOException {
        write(frame, 0, frame.length, epochNanos);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private int writeRecordHeader(final long frameLength, final long epochNanos) throws IOException {
        if (frameLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame too long for pcap: " + frameLength);
        }
        final int captured = (int) Math.min(frameLength, SNAPLEN);
        recordHeader.putInt(0, (int) Math.floorDiv(epochNanos, 1_000_000_000L))
            .putInt(4, (int) (Math.floorMod(epochNanos, 1_000_000_000L) / 1_000))
            .putInt(8, captured)
            .putInt(12, (int) frameLength);
        out.write(recordHeader.array());
        return captured;
    }
}

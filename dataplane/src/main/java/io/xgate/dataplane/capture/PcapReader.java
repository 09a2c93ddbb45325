package io.xgate.dataplane.capture;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads classic libpcap files of Ethernet frames, in either byte order and with micro- or nanosecond
 * timestamps (tcpdump, tshark and scapy all write this format). For tests and tools: reads the whole file.
 */
public final class PcapReader {
    private PcapReader() {
    }

    public static List<byte[]> readFrames(final Path file) throws IOException {
        return read(file).stream().map(PcapRecord::data).toList();
    }

    public static List<PcapRecord> read(final Path file) throws IOException {
        final ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            return read(in, file);
        } catch (final BufferUnderflowException e) {
            throw new IOException(file + ": truncated pcap file", e);
        }
    }

    private static List<PcapRecord> read(final ByteBuffer in, final Path file) throws IOException {
        final long nanosPerTick = nanosPerTimestampTick(in, file);
        in.position(PcapWriter.FILE_HEADER_LENGTH - 4);
        final int linkType = in.getInt();
        if (linkType != PcapWriter.LINKTYPE_ETHERNET) {
            throw new IOException(file + ": link type " + linkType + ", expected Ethernet (1)");
        }
        final List<PcapRecord> records = new ArrayList<>();
        while (in.hasRemaining()) {
            final long seconds = Integer.toUnsignedLong(in.getInt());
            final long fraction = Integer.toUnsignedLong(in.getInt());
            final int captured = in.getInt();
            final int original = in.getInt();
            final byte[] data = new byte[captured];
            in.get(data);
            records.add(new PcapRecord(seconds * 1_000_000_000L + fraction * nanosPerTick, original, data));
        }
        return records;
    }

    /** Reads the magic number, switching the buffer's byte order to the file's; returns 1000 or 1. */
    private static long nanosPerTimestampTick(final ByteBuffer in, final Path file) throws IOException {
        for (final ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            final int magic = in.order(order).getInt(0);
            if (magic == PcapWriter.MAGIC_MICROS) {
                return 1_000;
            }
            if (magic == PcapWriter.MAGIC_NANOS) {
                return 1;
            }
        }
        throw new IOException(file + ": not a classic pcap file (pcapng is not supported)");
    }
}

package io.xgate.dataplane.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapRoundTripTest {
    private static final long T0 = 1_700_000_000_123_456_789L;

    @TempDir
    Path dir;

    @Test
    void framesFromSegmentSlicesAndArraysReadBackWithMicrosecondTimestamps() throws IOException {
        final Path file = dir.resolve("round.pcap");
        final byte[] second = frame(60, 7);
        try (Arena arena = Arena.ofConfined(); PcapWriter writer = PcapWriter.create(file)) {
            final MemorySegment umem = arena.allocate(4096);
            final byte[] first = frame(1514, 3);
            MemorySegment.copy(first, 0, umem, ValueLayout.JAVA_BYTE, 256, first.length);
            writer.write(umem.asSlice(256, first.length), T0);
            writer.write(second, T0 + 1_000);
        }
        final List<PcapRecord> records = PcapReader.read(file);
        assertEquals(2, records.size());
        assertArrayEquals(frame(1514, 3), records.get(0).data());
        assertEquals(1514, records.get(0).originalLength());
        assertEquals(T0 - 789, records.get(0).epochNanos(), "pcap keeps microseconds");
        assertArrayEquals(second, records.get(1).data());
        assertEquals(T0 + 1_000 - 789, records.get(1).epochNanos());
    }

    @Test
    void framesLongerThanSnaplenAreTruncatedButKeepTheirLength() throws IOException {
        final Path file = dir.resolve("jumbo.pcap");
        final byte[] jumbo = frame(PcapWriter.SNAPLEN + 100, 1);
        try (PcapWriter writer = PcapWriter.create(file)) {
            writer.write(jumbo, T0);
        }
        final PcapRecord record = PcapReader.read(file).getFirst();
        assertEquals(PcapWriter.SNAPLEN, record.data().length);
        assertEquals(jumbo.length, record.originalLength());
    }

    @Test
    void pcapngIsRejectedWithAReason() throws IOException {
        final Path file = dir.resolve("x.pcapng");
        Files.write(file, new byte[] {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0});
        final IOException e = assertThrows(IOException.class, () -> PcapReader.read(file));
        assertEquals(file + ": not a classic pcap file (pcapng is not supported)", e.getMessage());
    }

    @Test
    void aTruncatedRecordIsAnError() throws IOException {
        final Path file = dir.resolve("cut.pcap");
        try (PcapWriter writer = PcapWriter.create(file)) {
            writer.write(frame(100, 2), T0);
        }
        final byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 10));
        assertThrows(IOException.class, () -> PcapReader.read(file));
    }

    private static byte[] frame(final int length, final int seed) {
        final byte[] frame = new byte[length];
        for (int i = 0; i < length; i++) {
            frame[i] = (byte) (i * 31 + seed);
        }
        return frame;
    }
}

package io.xgate.dataplane.counters;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * The counters of a running gateway in a memory-mapped file, so {@code xgate stat} reads them live without
 * asking the daemon (as AeronStat reads a media driver's CnC file).
 * Layout: header (magic, version, metadata length, values length) | metadata | values.
 */
public final class CountersFile implements AutoCloseable {
    private static final int MAGIC = 0x58474354; // "XGCT"
    private static final int VERSION = 1;
    private static final int HEADER = 64;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer metadata;
    private final UnsafeBuffer values;

    private CountersFile(final MappedByteBuffer mapped, final int metadataLength, final int valuesLength) {
        this.mapped = mapped;
        final UnsafeBuffer all = new UnsafeBuffer(mapped);
        this.metadata = new UnsafeBuffer(all, HEADER, metadataLength);
        this.values = new UnsafeBuffer(all, HEADER + metadataLength, valuesLength);
    }

    /** Creates (or truncates) the file for {@code maxCounters} counters and returns it mapped for writing. */
    public static CountersFile create(final Path path, final int maxCounters) throws IOException {
        final int valuesLength = maxCounters * CountersReader.COUNTER_LENGTH;
        final int metadataLength = maxCounters * CountersReader.METADATA_LENGTH;
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            final long size = (long) HEADER + metadataLength + valuesLength;
            final MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER);
            header.putInt(4, VERSION);
            header.putInt(8, metadataLength);
            header.putInt(12, valuesLength);
            header.putIntVolatile(0, MAGIC);
            return new CountersFile(mapped, metadataLength, valuesLength);
        }
    }

    /** Maps an existing file written by a running (or stopped) gateway for reading. */
    public static CountersFile open(final Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER);
            if (ch.size() < HEADER || header.getIntVolatile(0) != MAGIC || header.getInt(4) != VERSION) {
                IoUtil.unmap(mapped);
                throw new IOException(path + " is not an xgate counters file (or of another version)");
            }
            return new CountersFile(mapped, header.getInt(8), header.getInt(12));
        }
    }

    public CountersManager manager() {
        return new FifoCountersManager(metadata, values);
    }

    public CountersReader reader() {
        return new CountersReader(metadata, values);
    }

    @Override
    public void close() {
        IoUtil.unmap(mapped);
    }
}

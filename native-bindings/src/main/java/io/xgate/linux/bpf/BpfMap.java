package io.xgate.linux.bpf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.xgate.linux.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** A BPF map created with BPF_MAP_CREATE; the fd keeps it alive until {@link #close()}. */
public final class BpfMap implements AutoCloseable {
    public static final int TYPE_HASH = 1;
    public static final int TYPE_ARRAY = 2;
    public static final int TYPE_XSKMAP = 17;
    /** bpf_attr.map_name holds 15 characters and a NUL. */
    static final int NAME_LENGTH = 16;

    private final int fd;
    private final int keySize;
    private final int valueSize;
    private boolean closed;

    private BpfMap(int fd, int keySize, int valueSize) {
        this.fd = fd;
        this.keySize = keySize;
        this.valueSize = valueSize;
    }

    public static BpfMap create(int type, int keySize, int valueSize, int maxEntries, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfCommand.ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, type);
            attr.set(JAVA_INT, 4, keySize);
            attr.set(JAVA_INT, 8, valueSize);
            attr.set(JAVA_INT, 12, maxEntries);
            putName(attr, 28, name);
            return new BpfMap(BpfCommand.BPF_MAP_CREATE.invoke(attr), keySize, valueSize);
        }
    }

    /** An XSKMAP: key = RX queue index (u32), value = AF_XDP socket fd (u32). */
    public static BpfMap xskMap(int maxEntries, String name) {
        return create(TYPE_XSKMAP, Integer.BYTES, Integer.BYTES, maxEntries, name);
    }

    public int fd() {
        return fd;
    }

    public void update(MemorySegment key, MemorySegment value, long flags) {
        if (key.byteSize() != keySize || value.byteSize() != valueSize) {
            throw new IllegalArgumentException("key/value must be " + keySize + "/" + valueSize + " bytes");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfCommand.ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, fd);
            attr.set(JAVA_LONG, 8, key.address());
            attr.set(JAVA_LONG, 16, value.address());
            attr.set(JAVA_LONG, 24, flags);
            BpfCommand.BPF_MAP_UPDATE_ELEM.invoke(attr);
        }
    }

    public void delete(MemorySegment key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfCommand.ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, fd);
            attr.set(JAVA_LONG, 8, key.address());
            BpfCommand.BPF_MAP_DELETE_ELEM.invoke(attr);
        }
    }

    /** For u32 → u32 maps such as XSKMAP (queue → socket fd). */
    public void updateInt(int key, int value) {
        try (Arena arena = Arena.ofConfined()) {
            update(arena.allocateFrom(JAVA_INT, key), arena.allocateFrom(JAVA_INT, value), 0);
        }
    }

    public void deleteInt(int key) {
        try (Arena arena = Arena.ofConfined()) {
            delete(arena.allocateFrom(JAVA_INT, key));
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    static void putName(MemorySegment attr, long offset, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= NAME_LENGTH || !name.matches("[A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("BPF object names are up to 15 of [A-Za-z0-9_.]: " + name);
        }
        MemorySegment.copy(bytes, 0, attr, JAVA_BYTE, offset, bytes.length);
    }
}

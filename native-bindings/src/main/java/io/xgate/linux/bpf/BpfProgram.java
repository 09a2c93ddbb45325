package io.xgate.linux.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.xgate.linux.sys.LinuxException;
import io.xgate.linux.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** A program loaded with BPF_PROG_LOAD; the fd keeps it alive until {@link #close()} and its links end. */
public final class BpfProgram implements AutoCloseable {
    public static final int TYPE_XDP = 6;
    static final int ATTACH_TYPE_XDP = 37;
    private static final int LOG_LEVEL_VERIFIER = 1;
    private static final int LOG_SIZE = 1 << 20;

    private final int fd;
    private final int instructionCount;
    private boolean closed;

    private BpfProgram(int fd, int instructionCount) {
        this.fd = fd;
        this.instructionCount = instructionCount;
    }

    /**
     * Loads an XDP program. When the verifier refuses it, the load is repeated with a log buffer and the
     * verifier's explanation becomes the exception text (the first attempt goes without, because a log
     * that overflows its buffer fails even a correct program).
     */
    public static BpfProgram loadXdp(long[] instructions, String license, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment code = arena.allocate(JAVA_LONG, instructions.length);
            MemorySegment.copy(instructions, 0, code, JAVA_LONG, 0, instructions.length);
            MemorySegment licenseText = arena.allocateFrom(license);
            try {
                return new BpfProgram(load(arena, code, licenseText, name, MemorySegment.NULL), instructions.length);
            } catch (LinuxException first) {
                MemorySegment log = arena.allocate(LOG_SIZE);
                try {
                    load(arena, code, licenseText, name, log);
                } catch (LinuxException withLog) {
                    throw new LinuxException("bpf(BPF_PROG_LOAD " + name + ")", withLog.errno(),
                            "verifier log:\n" + log.getString(0));
                }
                throw first;
            }
        }
    }

    private static int load(Arena arena, MemorySegment code, MemorySegment license, String name, MemorySegment log) {
        MemorySegment attr = arena.allocate(BpfCommand.ATTR_SIZE, 8);
        attr.set(JAVA_INT, 0, TYPE_XDP);
        attr.set(JAVA_INT, 4, (int) (code.byteSize() / Long.BYTES));
        attr.set(JAVA_LONG, 8, code.address());
        attr.set(JAVA_LONG, 16, license.address());
        if (log.byteSize() > 0) {
            attr.set(JAVA_INT, 24, LOG_LEVEL_VERIFIER);
            attr.set(JAVA_INT, 28, (int) log.byteSize());
            attr.set(JAVA_LONG, 32, log.address());
        }
        BpfMap.putName(attr, 48, name);
        attr.set(JAVA_INT, 68, ATTACH_TYPE_XDP);
        return BpfCommand.BPF_PROG_LOAD.invoke(attr);
    }

    public int fd() {
        return fd;
    }

    public int instructionCount() {
        return instructionCount;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}

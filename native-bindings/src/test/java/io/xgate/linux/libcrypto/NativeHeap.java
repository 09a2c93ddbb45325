package io.xgate.linux.libcrypto;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** glibc's count of bytes malloc has handed out and not had back (mallinfo2: uordblks + hblkhd). */
@SuppressWarnings("restricted")
final class NativeHeap {
    /** struct mallinfo2: ten size_t fields. */
    private static final MemoryLayout MALLINFO2 = MemoryLayout.structLayout(java.util.stream.Stream.generate(() -> JAVA_LONG).limit(10)
        .toArray(MemoryLayout[]::new));
    private static final MethodHandle MALLINFO = Linker.nativeLinker().downcallHandle(
        Linker.nativeLinker().defaultLookup().findOrThrow("mallinfo2"), FunctionDescriptor.of(MALLINFO2));
    private static final int HBLKHD = 4;
    private static final int UORDBLKS = 7;

    private NativeHeap() {
    }

    static long inUse() {
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment info = (MemorySegment) MALLINFO.invokeExact((java.lang.foreign.SegmentAllocator) arena);
            return info.getAtIndex(JAVA_LONG, UORDBLKS) + info.getAtIndex(JAVA_LONG, HBLKHD);
        } catch (final Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}

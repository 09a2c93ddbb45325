package io.xgate.linux.sys;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;

/** Pins the calling thread to CPUs, so a busy-spinning worker stays off the CPU that does its NAPI work. */
public final class ThreadAffinity {
    // glibc's cpu_set_t: 1024 bits.
    private static final int CPU_SET_BYTES = 128;

    private ThreadAffinity() {
    }

    public static void pinCurrentThread(int cpu) {
        BitSet cpus = new BitSet();
        cpus.set(cpu);
        setCurrentThread(cpus);
    }

    public static void setCurrentThread(BitSet cpus) {
        if (cpus.isEmpty() || cpus.length() > CPU_SET_BYTES * 8) {
            throw new IllegalArgumentException("CPU set must name CPUs 0.." + (CPU_SET_BYTES * 8 - 1) + ": " + cpus);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = arena.allocate(CPU_SET_BYTES, 8);
            long[] words = cpus.toLongArray();
            MemorySegment.copy(words, 0, set, JAVA_LONG, 0, words.length);
            Libc.schedSetAffinity(set);
        }
    }

    public static BitSet currentThread() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = arena.allocate(CPU_SET_BYTES, 8);
            Libc.schedGetAffinity(set);
            return BitSet.valueOf(set.toArray(JAVA_LONG));
        }
    }
}

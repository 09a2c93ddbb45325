package io.xgate.linux.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ThreadAffinityTest {
    @Test
    void pinsOnlyTheCallingThread() throws InterruptedException {
        BitSet before = ThreadAffinity.currentThread();
        int cpu = before.length() - 1;
        BitSet[] seen = new BitSet[2];
        Thread pinned = Thread.ofPlatform().start(() -> {
            ThreadAffinity.pinCurrentThread(cpu);
            seen[0] = ThreadAffinity.currentThread();
        });
        pinned.join();
        seen[1] = ThreadAffinity.currentThread();

        BitSet expected = new BitSet();
        expected.set(cpu);
        assertEquals(expected, seen[0]);
        assertEquals(before, seen[1]);
    }
}

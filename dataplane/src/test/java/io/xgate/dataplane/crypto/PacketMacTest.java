package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AH's PacketMac: RFC 4868 AUTH256-1 on a frame region, ESN coverage, tampering. */
class PacketMacTest {
    static Object[] providers() {
        return TestProviders.providers().toArray();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void computesRfc4868Auth256Case1OverARegion(final CryptoProvider provider) {
        final byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x0b);
        try (Arena arena = Arena.ofConfined(); PacketMac mac = provider.newPacketMac(IntegrityAlgorithm.SHA256_128, key)) {
            final MemorySegment frame = arena.allocate(64);
            MemorySegment.copy("Hi There".getBytes(), 0, frame, ValueLayout.JAVA_BYTE, 10, 8);
            mac.compute(frame, 10, 8, false, 0, frame, 40);
            assertArrayEquals(HexFormat.of().parseHex("198a607eb44bfbc69903a0f1cf2bbdc5"),
                    frame.asSlice(40, 16).toArray(ValueLayout.JAVA_BYTE));
            assertTrue(mac.verify(frame, 10, 8, false, 0, 40));
            assertTrue(mac.verify(frame, 10, 8, false, 99, 40), "seqHi ignored without esn");
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void esnHighHalfAndEveryRegionBitCount(final CryptoProvider provider) {
        try (Arena arena = Arena.ofConfined();
             PacketMac mac = provider.newPacketMac(IntegrityAlgorithm.SHA1_96, new byte[20])) {
            final MemorySegment frame = arena.allocate(80);
            for (int i = 0; i < 48; i++) {
                frame.set(ValueLayout.JAVA_BYTE, i, (byte) i);
            }
            mac.compute(frame, 0, 48, true, 5, frame, 60);
            assertTrue(mac.verify(frame, 0, 48, true, 5, 60));
            assertFalse(mac.verify(frame, 0, 48, true, 6, 60), "wrong seqHi");
            assertFalse(mac.verify(frame, 0, 48, false, 5, 60), "seqHi dropped");
            for (int i = 0; i < 48; i++) {
                frame.set(ValueLayout.JAVA_BYTE, i, (byte) (i ^ 0x10));
                assertFalse(mac.verify(frame, 0, 48, true, 5, 60), "flipped byte " + i);
                frame.set(ValueLayout.JAVA_BYTE, i, (byte) i);
            }
            assertFalse(mac.verify(frame, 0, 48, true, 5, 75), "ICV past the frame");
        }
    }
}

package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.xgate.dataplane.crypto.ipsecmb.IpsecMbCryptoProvider;
import io.xgate.dataplane.crypto.ipsecmb.IpsecMbLibrary;
import io.xgate.dataplane.crypto.jdk.JdkCryptoProvider;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The per-packet paths that promise zero allocation keep it after warm-up (seal + open, 10 000 packets). */
class CryptoAllocationTest {
    private static final int PACKETS = 10_000;
    /** Room for a stray allocation by the measuring itself, far below one byte per packet. */
    private static final long SLACK_BYTES = 4096;
    private static final int TEXT = 1392;

    @Test
    void jdkCbcHmacAllocatesNothingPerPacket() {
        measure(new JdkCryptoProvider(), EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA256_128);
        measure(new JdkCryptoProvider(), EncryptionAlgorithm.DES3_CBC, IntegrityAlgorithm.SHA1_96);
        measure(new JdkCryptoProvider(), EncryptionAlgorithm.NULL, IntegrityAlgorithm.SHA512_256);
    }

    @Test
    void ipsecMbGcmAllocatesNothingPerPacket() {
        assumeTrue(IpsecMbLibrary.available(), IpsecMbLibrary::reason);
        measure(new IpsecMbCryptoProvider(), EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE);
        measure(new IpsecMbCryptoProvider(), EncryptionAlgorithm.AES_256_GCM, IntegrityAlgorithm.NONE);
    }

    @Test
    void jdkPacketMacAllocatesNothingPerPacket() {
        try (Arena arena = Arena.ofConfined();
             PacketMac mac = new JdkCryptoProvider().newPacketMac(IntegrityAlgorithm.SHA256_128, new byte[32])) {
            final MemorySegment frame = arena.allocate(1500);
            final Runnable packet = () -> {
                mac.compute(frame, 0, 1400, true, 1, frame, 1400);
                assertTrue(mac.verify(frame, 0, 1400, true, 1, 1400));
            };
            assertAllocationFree("AH hmac-sha256", packet);
        }
    }

    private static void measure(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                                final IntegrityAlgorithm integrity) {
        try (Arena arena = Arena.ofConfined();
             EspCipher cipher = EspCipherRoundTripTest.newCipher(provider, encryption, integrity, true)) {
            final MemorySegment frame = EspCipherRoundTripTest.sealed(arena, cipher, new byte[TEXT], 1);
            final long[] seq = {1};
            final Runnable packet = () -> {
                cipher.seal(frame, 34, TEXT, ++seq[0]);
                if (!cipher.open(frame, 34, TEXT, (int) (seq[0] >>> 32))) {
                    throw new AssertionError("open failed");
                }
            };
            assertAllocationFree(provider.name() + " " + encryption.configName(), packet);
        }
    }

    private static void assertAllocationFree(final String what, final Runnable packet) {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3 * PACKETS; i++) {
            packet.run();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < PACKETS; i++) {
            packet.run();
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.println(what + ": " + allocated + " bytes allocated over " + PACKETS + " packets");
        assertTrue(allocated < SLACK_BYTES, what + " allocated " + allocated + " bytes over " + PACKETS + " packets");
    }
}

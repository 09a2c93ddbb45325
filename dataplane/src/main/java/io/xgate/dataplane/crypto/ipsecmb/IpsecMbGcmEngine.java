package io.xgate.dataplane.crypto.ipsecmb;

import io.xgate.dataplane.crypto.ConstantTime;
import io.xgate.dataplane.crypto.GcmEngine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * AES-GCM by libIPSec_MB: one critical downcall per packet, no allocation. The per-SA gcm_key_data lives
 * off-heap, 64-byte aligned (the AVX-512 code faults on less); the gcm_context_data scratch and the
 * computed tag sit beside it. The library's decrypt writes plaintext before any tag check and hands back
 * the computed tag, which is compared here in constant time.
 */
public final class IpsecMbGcmEngine implements GcmEngine {
    /** sizeof(struct gcm_key_data) in 1.3 is 1008 bytes padded to its 64-byte alignment; later versions use 1264. */
    private static final long KEY_DATA_BYTES = 1280;
    /** struct gcm_context_data is 88 bytes (11 x u64). */
    private static final long CONTEXT_BYTES = 128;
    private static final long TAG_OFFSET = CONTEXT_BYTES;
    private static final long ALIGNMENT = 64;

    private final int keyLength;
    private final Arena arena;
    private final MemorySegment keyData;
    private final MemorySegment scratch;
    private final long keyDataAddress;
    private final long contextAddress;
    private boolean closed;

    /** @param aesKey 16, 24 or 32 bytes; expanded into native memory, the array is not kept. */
    public IpsecMbGcmEngine(final byte[] aesKey) {
        if (aesKey.length != 16 && aesKey.length != 24 && aesKey.length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + aesKey.length);
        }
        IpsecMbLibrary.lookup();
        this.keyLength = aesKey.length;
        this.arena = Arena.ofShared();
        this.keyData = arena.allocate(KEY_DATA_BYTES, ALIGNMENT);
        this.scratch = arena.allocate(CONTEXT_BYTES + TAG_LENGTH, ALIGNMENT);
        this.keyDataAddress = keyData.address();
        this.contextAddress = scratch.address();
        // The raw key passes through the scratch only for the expansion, then is wiped.
        MemorySegment.copy(aesKey, 0, scratch, ValueLayout.JAVA_BYTE, 0, keyLength);
        IpsecMbGcm.precompute(keyLength, contextAddress, keyDataAddress);
        scratch.fill((byte) 0);
    }

    @Override
    public boolean needsNativeSegments() {
        return true;
    }

    @Override
    public void seal(final MemorySegment nonce, final MemorySegment aad, final int aadLength,
                     final MemorySegment data, final long textOffset, final int textLength, final long tagOffset) {
        check(nonce, aad, aadLength, data, textOffset, textLength, tagOffset);
        final long text = data.address() + textOffset;
        IpsecMbGcm.encrypt(keyLength, keyDataAddress, contextAddress, text, text, textLength, nonce.address(),
                aad.address(), aadLength, data.address() + tagOffset, TAG_LENGTH);
    }

    @Override
    public boolean open(final MemorySegment nonce, final MemorySegment aad, final int aadLength,
                        final MemorySegment data, final long textOffset, final int textLength, final long tagOffset) {
        check(nonce, aad, aadLength, data, textOffset, textLength, tagOffset);
        final long text = data.address() + textOffset;
        IpsecMbGcm.decrypt(keyLength, keyDataAddress, contextAddress, text, text, textLength, nonce.address(),
                aad.address(), aadLength, contextAddress + TAG_OFFSET, TAG_LENGTH);
        return ConstantTime.equals(scratch, TAG_OFFSET, data, tagOffset, TAG_LENGTH);
    }

    /** Raw addresses bypass the segment checks, so a bad offset here would corrupt memory: check first. */
    private void check(final MemorySegment nonce, final MemorySegment aad, final int aadLength,
                       final MemorySegment data, final long textOffset, final int textLength, final long tagOffset) {
        if (closed) {
            throw new IllegalStateException("GCM engine closed");
        }
        if (!nonce.isNative() || !aad.isNative() || !data.isNative()) {
            throw new IllegalArgumentException("intel-ipsec-mb needs native segments");
        }
        Objects.checkFromIndexSize(0, NONCE_LENGTH, nonce.byteSize());
        Objects.checkFromIndexSize(0, aadLength, aad.byteSize());
        Objects.checkFromIndexSize(textOffset, textLength, data.byteSize());
        Objects.checkFromIndexSize(tagOffset, TAG_LENGTH, data.byteSize());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        keyData.fill((byte) 0);
        scratch.fill((byte) 0);
        arena.close();
    }

    @Override
    public String toString() {
        return "IpsecMbGcmEngine[aes-" + keyLength * 8 + ", " + IpsecMbLibrary.arch().suffix() + "]";
    }
}

package io.xgate.dataplane.crypto.ipsecmb;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Downcalls into libIPSec_MB's exported per-architecture GCM functions (never function pointers read at
 * IMB_MGR offsets, which move between versions). Pointers travel as raw {@code long}s (same registers as
 * pointers in the SysV ABI), so a call allocates nothing and checks no segment; callers own the bounds.
 * Handles are static finals so the JIT inlines them; the architecture is fixed at class initialisation.
 *
 * <pre>
 * void aes_gcm_pre_N_arch(const void *key, struct gcm_key_data *key_data);
 * void aes_gcm_enc_N_arch(const struct gcm_key_data *key_data, struct gcm_context_data *ctx,
 *                         uint8_t *out, const uint8_t *in, uint64_t len, const uint8_t *iv,
 *                         const uint8_t *aad, uint64_t aad_len, uint8_t *auth_tag, uint64_t auth_tag_len);
 * (dec: same, auth_tag receives the computed tag)
 * </pre>
 */
final class IpsecMbGcm {
    private static final ValueLayout.OfLong PTR = ValueLayout.JAVA_LONG;
    private static final FunctionDescriptor PRE = FunctionDescriptor.ofVoid(PTR, PTR);
    private static final FunctionDescriptor CRYPT =
            FunctionDescriptor.ofVoid(PTR, PTR, PTR, PTR, PTR, PTR, PTR, PTR, PTR, PTR);

    private static final MethodHandle PRE_128 = bind("pre", 16, PRE);
    private static final MethodHandle PRE_192 = bind("pre", 24, PRE);
    private static final MethodHandle PRE_256 = bind("pre", 32, PRE);
    private static final MethodHandle ENC_128 = bind("enc", 16, CRYPT);
    private static final MethodHandle ENC_192 = bind("enc", 24, CRYPT);
    private static final MethodHandle ENC_256 = bind("enc", 32, CRYPT);
    private static final MethodHandle DEC_128 = bind("dec", 16, CRYPT);
    private static final MethodHandle DEC_192 = bind("dec", 24, CRYPT);
    private static final MethodHandle DEC_256 = bind("dec", 32, CRYPT);

    private IpsecMbGcm() {
    }

    private static MethodHandle bind(final String operation, final int keyLength, final FunctionDescriptor descriptor) {
        final String name = IpsecMbLibrary.symbol(operation, keyLength, IpsecMbLibrary.arch());
        return Linker.nativeLinker().downcallHandle(IpsecMbLibrary.lookup().findOrThrow(name), descriptor,
                Linker.Option.critical(false));
    }

    /** Expands the AES key and the GHASH key powers into the 64-byte aligned gcm_key_data. */
    static void precompute(final int keyLength, final long key, final long keyData) {
        try {
            switch (keyLength) {
                case 16 -> PRE_128.invokeExact(key, keyData);
                case 24 -> PRE_192.invokeExact(key, keyData);
                case 32 -> PRE_256.invokeExact(key, keyData);
                default -> throw new IllegalArgumentException("AES key of " + keyLength + " bytes");
            }
        } catch (final RuntimeException | Error e) {
            throw e;
        } catch (final Throwable t) {
            throw new IllegalStateException("aes_gcm_pre failed", t);
        }
    }

    static void encrypt(final int keyLength, final long keyData, final long context, final long out, final long in,
                        final long length, final long iv, final long aad, final long aadLength, final long tag,
                        final long tagLength) {
        try {
            switch (keyLength) {
                case 16 -> ENC_128.invokeExact(keyData, context, out, in, length, iv, aad, aadLength, tag, tagLength);
                case 24 -> ENC_192.invokeExact(keyData, context, out, in, length, iv, aad, aadLength, tag, tagLength);
                default -> ENC_256.invokeExact(keyData, context, out, in, length, iv, aad, aadLength, tag, tagLength);
            }
        } catch (final RuntimeException | Error e) {
            throw e;
        } catch (final Throwable t) {
            throw new IllegalStateException("aes_gcm_enc failed", t);
        }
    }

    static void decrypt(final int keyLength, final long keyData, final long context, final long out, final long in,
                        final long length, final long iv, final long aad, final long aadLength, final long tag,
                        final long tagLength) {
        try {
            switch (keyLength) {
                case 16 -> DEC_128.invokeExact(keyData, context, out, in, length, iv, aad, aadLength, tag, tagLength);
                case 24 -> DEC_192.invokeExact(keyData, context, out, in, length, iv, aad, aadLength, tag, tagLength);
                default -> DEC_256.invokeExact(keyData, context, out, in, length, iv, aad, aadLength, tag, tagLength);
            }
        } catch (final RuntimeException | Error e) {
            throw e;
        } catch (final Throwable t) {
            throw new IllegalStateException("aes_gcm_dec failed", t);
        }
    }
}

package io.xgate.linux.libcrypto;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

/**
 * Ephemeral key agreement (ECDH on the NIST curves, X25519) through libcrypto's EVP_PKEY API. Keys cross
 * the boundary as octets, so no native object outlives a call: every call builds its EVP_PKEYs and contexts,
 * frees them in {@code finally} and wipes the native copies of private keys and secrets. Peer keys are
 * imported with OpenSSL's checks — an EC point must be uncompressed, below the field prime and on the curve —
 * so a bad point is a {@link LibCryptoException}, never undefined behaviour.
 * Only usable when {@link LibCrypto#available()}.
 */
@SuppressWarnings("restricted")
public final class EvpKeyExchange {
    /** Our key pair in {@link EvpKeyType}'s octet forms. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
    }

    // EVP_PKEY_KEYPAIR and EVP_PKEY_PUBLIC_KEY (include the domain parameters, i.e. the group).
    private static final int SELECT_KEYPAIR = 0x87;
    private static final int SELECT_PUBLIC_KEY = 0x86;
    private static final int OSSL_PARAM_UNSIGNED_INTEGER = 2;
    private static final int OSSL_PARAM_UTF8_STRING = 4;
    private static final int OSSL_PARAM_OCTET_STRING = 5;
    private static final long OSSL_PARAM_UNMODIFIED = -1L;
    private static final int ERROR_TEXT_LENGTH = 256;
    /**
     * The import already refused points off the curve (EC_POINT_oct2point), which on the prime-order NIST
     * curves is all RFC 6989 §2.3 asks; OpenSSL's full peer check would add an n·Q scalar multiplication per
     * agreement, and X25519 has no public key check to make.
     */
    private static final int NO_PEER_REVALIDATION = 0;

    /** struct ossl_param_st { const char *key; unsigned int data_type; void *data; size_t data_size, return_size; } */
    private static final StructLayout OSSL_PARAM = MemoryLayout.structLayout(ADDRESS.withName("key"),
        JAVA_INT.withName("data_type"), MemoryLayout.paddingLayout(4), ADDRESS.withName("data"),
        JAVA_LONG.withName("data_size"), JAVA_LONG.withName("return_size"));
    private static final long PARAM_KEY = OSSL_PARAM.byteOffset(MemoryLayout.PathElement.groupElement("key"));
    private static final long PARAM_TYPE = OSSL_PARAM.byteOffset(MemoryLayout.PathElement.groupElement("data_type"));
    private static final long PARAM_DATA = OSSL_PARAM.byteOffset(MemoryLayout.PathElement.groupElement("data"));
    private static final long PARAM_SIZE = OSSL_PARAM.byteOffset(MemoryLayout.PathElement.groupElement("data_size"));
    private static final long PARAM_RETURN = OSSL_PARAM.byteOffset(MemoryLayout.PathElement.groupElement("return_size"));

    private static final MemorySegment NAME_GROUP = constant("group");
    private static final MemorySegment NAME_PRIV = constant("priv");
    private static final MemorySegment NAME_PUB = constant("pub");
    private static final MemorySegment NAME_ENCODED_PUB = constant("encoded-pub-key");
    private static final MemorySegment[] ALGORITHMS = new MemorySegment[EvpKeyType.values().length];
    private static final MemorySegment[] GROUPS = new MemorySegment[EvpKeyType.values().length];

    static {
        for (final EvpKeyType type : EvpKeyType.values()) {
            ALGORITHMS[type.ordinal()] = constant(type.algorithm());
            GROUPS[type.ordinal()] = type.isEc() ? constant(type.group()) : MemorySegment.NULL;
        }
    }

    // EVP_PKEY_Q_keygen(libctx, propq, type, ...) is variadic: EC takes the group name, X25519 nothing more.
    private static final MethodHandle Q_KEYGEN_EC = variadic("EVP_PKEY_Q_keygen",
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle Q_KEYGEN = variadic("EVP_PKEY_Q_keygen",
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle PKEY_FREE = downcall("EVP_PKEY_free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle GET_OCTET_STRING_PARAM = downcall("EVP_PKEY_get_octet_string_param",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle GET_BN_PARAM = downcall("EVP_PKEY_get_bn_param",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle BN_BN2BINPAD = downcall("BN_bn2binpad",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle BN_CLEAR_FREE = downcall("BN_clear_free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle CTX_NEW_FROM_NAME = downcall("EVP_PKEY_CTX_new_from_name",
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle CTX_NEW_FROM_PKEY = downcall("EVP_PKEY_CTX_new_from_pkey",
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle CTX_FREE = downcall("EVP_PKEY_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle FROMDATA_INIT = downcall("EVP_PKEY_fromdata_init",
        FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FROMDATA = downcall("EVP_PKEY_fromdata",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    private static final MethodHandle DERIVE_INIT = downcall("EVP_PKEY_derive_init",
        FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle DERIVE_SET_PEER_EX = downcall("EVP_PKEY_derive_set_peer_ex",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle DERIVE = downcall("EVP_PKEY_derive",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle ERR_GET_ERROR = downcall("ERR_get_error", FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle ERR_ERROR_STRING_N = downcall("ERR_error_string_n",
        FunctionDescriptor.ofVoid(JAVA_LONG, ADDRESS, JAVA_LONG));
    private static final MethodHandle ERR_CLEAR_ERROR = downcall("ERR_clear_error", FunctionDescriptor.ofVoid());

    private EvpKeyExchange() {
    }

    /** A fresh key pair from OpenSSL's own DRBG. */
    public static KeyPair generate(final EvpKeyType type) throws LibCryptoException {
        clearErrors();
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment pkey;
            try {
                pkey = type.isEc()
                    ? (MemorySegment) Q_KEYGEN_EC.invokeExact(MemorySegment.NULL, MemorySegment.NULL,
                        ALGORITHMS[type.ordinal()], GROUPS[type.ordinal()])
                    : (MemorySegment) Q_KEYGEN.invokeExact(MemorySegment.NULL, MemorySegment.NULL,
                        ALGORITHMS[type.ordinal()]);
            } catch (final Throwable t) {
                throw unreachable(t);
            }
            if (pkey.address() == 0) {
                throw failure("EVP_PKEY_Q_keygen " + type);
            }
            try {
                return new KeyPair(exportPrivate(arena, type, pkey), exportPublic(arena, type, pkey));
            } finally {
                free(pkey);
            }
        }
    }

    /**
     * The shared secret of our private key and the peer's public key: the x coordinate (left-padded to the
     * field length) for EC, the u coordinate for X25519 — OpenSSL refuses X25519's all-zero result.
     *
     * @throws LibCryptoException when the peer's key does not decode, lies off the curve, or derivation fails
     */
    public static byte[] derive(final EvpKeyType type, final byte[] privateKey, final byte[] peerPublicKey)
        throws LibCryptoException {
        if (peerPublicKey.length != type.publicKeyLength()) {
            throw new LibCryptoException("import of a " + type + " public key", peerPublicKey.length
                + " bytes, expected " + type.publicKeyLength());
        }
        clearErrors();
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment scalar = scalar(arena, type, privateKey);
            final MemorySegment secret = arena.allocate(type.fieldLength());
            try {
                final MemorySegment ours = importPrivate(arena, type, scalar);
                try {
                    final MemorySegment peer = importPublic(arena, type, peerPublicKey);
                    try {
                        return derive(arena, ours, peer, secret);
                    } finally {
                        free(peer);
                    }
                } finally {
                    free(ours);
                }
            } finally {
                scalar.fill((byte) 0);
                secret.fill((byte) 0);
            }
        }
    }

    private static byte[] derive(final Arena arena, final MemorySegment ours, final MemorySegment peer,
                                 final MemorySegment secret) throws LibCryptoException {
        final MemorySegment ctx;
        try {
            ctx = (MemorySegment) CTX_NEW_FROM_PKEY.invokeExact(MemorySegment.NULL, ours, MemorySegment.NULL);
        } catch (final Throwable t) {
            throw unreachable(t);
        }
        if (ctx.address() == 0) {
            throw failure("EVP_PKEY_CTX_new_from_pkey");
        }
        try {
            final MemorySegment length = arena.allocate(JAVA_LONG);
            length.set(JAVA_LONG, 0, secret.byteSize());
            final int init;
            final int setPeer;
            try {
                init = (int) DERIVE_INIT.invokeExact(ctx);
                setPeer = init == 1 ? (int) DERIVE_SET_PEER_EX.invokeExact(ctx, peer, NO_PEER_REVALIDATION) : 0;
            } catch (final Throwable t) {
                throw unreachable(t);
            }
            check(init, "EVP_PKEY_derive_init");
            check(setPeer, "EVP_PKEY_derive_set_peer_ex");
            final int derived;
            try {
                derived = (int) DERIVE.invokeExact(ctx, secret, length);
            } catch (final Throwable t) {
                throw unreachable(t);
            }
            check(derived, "EVP_PKEY_derive");
            if (length.get(JAVA_LONG, 0) != secret.byteSize()) {
                throw new LibCryptoException("EVP_PKEY_derive", "secret of " + length.get(JAVA_LONG, 0)
                    + " bytes, expected " + secret.byteSize());
            }
            return secret.toArray(JAVA_BYTE);
        } finally {
            try {
                CTX_FREE.invokeExact(ctx);
            } catch (final Throwable t) {
                throw unreachable(t);
            }
        }
    }

    /** The private key as OpenSSL reads it: a native-endian unsigned integer for EC, octets for X25519. */
    private static MemorySegment scalar(final Arena arena, final EvpKeyType type, final byte[] privateKey) {
        if (privateKey.length != type.fieldLength()) {
            throw new IllegalArgumentException(type + " private key of " + privateKey.length + " bytes, expected "
                + type.fieldLength());
        }
        final MemorySegment scalar = arena.allocate(privateKey.length);
        for (int i = 0; i < privateKey.length; i++) {
            // OSSL_PARAM integers are in the host's byte order, which is little-endian on every JVM this runs.
            scalar.set(JAVA_BYTE, i, type.isEc() ? privateKey[privateKey.length - 1 - i] : privateKey[i]);
        }
        return scalar;
    }

    private static MemorySegment importPrivate(final Arena arena, final EvpKeyType type, final MemorySegment scalar)
        throws LibCryptoException {
        final MemorySegment params = arena.allocate(OSSL_PARAM, 3);
        final int next = type.isEc() ? group(params, 0, type) : 0;
        param(params, next, NAME_PRIV, type.isEc() ? OSSL_PARAM_UNSIGNED_INTEGER : OSSL_PARAM_OCTET_STRING, scalar,
            scalar.byteSize());
        return fromdata(arena, type, SELECT_KEYPAIR, params);
    }

    private static MemorySegment importPublic(final Arena arena, final EvpKeyType type, final byte[] publicKey)
        throws LibCryptoException {
        final MemorySegment encoded = arena.allocateFrom(JAVA_BYTE, publicKey);
        final MemorySegment params = arena.allocate(OSSL_PARAM, 3);
        final int next = type.isEc() ? group(params, 0, type) : 0;
        param(params, next, NAME_PUB, OSSL_PARAM_OCTET_STRING, encoded, encoded.byteSize());
        return fromdata(arena, type, SELECT_PUBLIC_KEY, params);
    }

    private static int group(final MemorySegment params, final int index, final EvpKeyType type) {
        final MemorySegment name = GROUPS[type.ordinal()];
        return param(params, index, NAME_GROUP, OSSL_PARAM_UTF8_STRING, name, name.byteSize() - 1);
    }

    /** Fills entry {@code index}; the arena's zeroed memory after it is the terminating entry (key NULL). */
    private static int param(final MemorySegment params, final int index, final MemorySegment key, final int type,
                             final MemorySegment data, final long size) {
        final long base = index * OSSL_PARAM.byteSize();
        params.set(ADDRESS, base + PARAM_KEY, key);
        params.set(JAVA_INT, base + PARAM_TYPE, type);
        params.set(ADDRESS, base + PARAM_DATA, data);
        params.set(JAVA_LONG, base + PARAM_SIZE, size);
        params.set(JAVA_LONG, base + PARAM_RETURN, OSSL_PARAM_UNMODIFIED);
        return index + 1;
    }

    private static MemorySegment fromdata(final Arena arena, final EvpKeyType type, final int selection,
                                          final MemorySegment params) throws LibCryptoException {
        final MemorySegment ctx;
        try {
            ctx = (MemorySegment) CTX_NEW_FROM_NAME.invokeExact(MemorySegment.NULL, ALGORITHMS[type.ordinal()],
                MemorySegment.NULL);
        } catch (final Throwable t) {
            throw unreachable(t);
        }
        if (ctx.address() == 0) {
            throw failure("EVP_PKEY_CTX_new_from_name " + type);
        }
        try {
            final MemorySegment out = arena.allocate(ADDRESS);
            final int init;
            final int imported;
            try {
                init = (int) FROMDATA_INIT.invokeExact(ctx);
                imported = init == 1 ? (int) FROMDATA.invokeExact(ctx, out, selection, params) : 0;
            } catch (final Throwable t) {
                throw unreachable(t);
            }
            check(init, "EVP_PKEY_fromdata_init");
            check(imported, "import of a " + type + (selection == SELECT_KEYPAIR ? " private" : " public") + " key");
            return out.get(ADDRESS, 0);
        } finally {
            try {
                CTX_FREE.invokeExact(ctx);
            } catch (final Throwable t) {
                throw unreachable(t);
            }
        }
    }

    private static byte[] exportPrivate(final Arena arena, final EvpKeyType type, final MemorySegment pkey)
        throws LibCryptoException {
        final MemorySegment out = arena.allocate(type.fieldLength());
        try {
            if (type.isEc()) {
                exportScalar(arena, pkey, out);
            } else {
                octetParam(arena, pkey, NAME_PRIV, out);
            }
            return out.toArray(JAVA_BYTE);
        } finally {
            out.fill((byte) 0);
        }
    }

    /** An EC private key is a BIGNUM parameter; BN_bn2binpad left-pads it to the field length. */
    private static void exportScalar(final Arena arena, final MemorySegment pkey, final MemorySegment out)
        throws LibCryptoException {
        final MemorySegment bn = arena.allocate(ADDRESS);
        final int got;
        try {
            got = (int) GET_BN_PARAM.invokeExact(pkey, NAME_PRIV, bn);
        } catch (final Throwable t) {
            throw unreachable(t);
        }
        check(got, "EVP_PKEY_get_bn_param priv");
        final int written;
        try {
            written = (int) BN_BN2BINPAD.invokeExact(bn.get(ADDRESS, 0), out, (int) out.byteSize());
            BN_CLEAR_FREE.invokeExact(bn.get(ADDRESS, 0));
        } catch (final Throwable t) {
            throw unreachable(t);
        }
        check(written == out.byteSize() ? 1 : 0, "BN_bn2binpad");
    }

    private static byte[] exportPublic(final Arena arena, final EvpKeyType type, final MemorySegment pkey)
        throws LibCryptoException {
        final MemorySegment out = arena.allocate(type.publicKeyLength());
        octetParam(arena, pkey, NAME_ENCODED_PUB, out);
        return out.toArray(JAVA_BYTE);
    }

    /** Reads an octet-string parameter that must fill {@code out} exactly. */
    private static void octetParam(final Arena arena, final MemorySegment pkey, final MemorySegment name,
                                   final MemorySegment out) throws LibCryptoException {
        final MemorySegment length = arena.allocate(JAVA_LONG);
        final int got;
        try {
            got = (int) GET_OCTET_STRING_PARAM.invokeExact(pkey, name, out, out.byteSize(), length);
        } catch (final Throwable t) {
            throw unreachable(t);
        }
        final String call = "EVP_PKEY_get_octet_string_param " + name.getString(0);
        check(got, call);
        if (length.get(JAVA_LONG, 0) != out.byteSize()) {
            throw new LibCryptoException(call, length.get(JAVA_LONG, 0) + " bytes, expected " + out.byteSize());
        }
    }

    private static void free(final MemorySegment pkey) {
        try {
            PKEY_FREE.invokeExact(pkey);
        } catch (final Throwable t) {
            throw unreachable(t);
        }
    }

    private static void check(final int rc, final String call) throws LibCryptoException {
        if (rc != 1) {
            throw failure(call);
        }
    }

    /** Stale errors from an earlier caller on this thread would otherwise be blamed on the next failure. */
    private static void clearErrors() {
        try {
            ERR_CLEAR_ERROR.invokeExact();
        } catch (final Throwable t) {
            throw unreachable(t);
        }
    }

    /** A failure of {@code call} with this thread's OpenSSL error queue, which it empties. */
    private static LibCryptoException failure(final String call) {
        final StringBuilder errors = new StringBuilder();
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment text = arena.allocate(ERROR_TEXT_LENGTH);
            for (long code = (long) ERR_GET_ERROR.invokeExact(); code != 0; code = (long) ERR_GET_ERROR.invokeExact()) {
                ERR_ERROR_STRING_N.invokeExact(code, text, (long) ERROR_TEXT_LENGTH);
                errors.append(errors.isEmpty() ? "" : "; ").append(text.getString(0));
            }
        } catch (final Throwable t) {
            throw unreachable(t);
        }
        return new LibCryptoException(call, errors.toString());
    }

    private static MemorySegment constant(final String text) {
        return Arena.global().allocateFrom(text);
    }

    private static MethodHandle downcall(final String name, final FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(LibCrypto.lookup().findOrThrow(name), descriptor);
    }

    private static MethodHandle variadic(final String name, final FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(LibCrypto.lookup().findOrThrow(name), descriptor,
            Linker.Option.firstVariadicArg(3));
    }

    private static IllegalStateException unreachable(final Throwable t) {
        return new IllegalStateException("libcrypto downcall failed", t);
    }
}

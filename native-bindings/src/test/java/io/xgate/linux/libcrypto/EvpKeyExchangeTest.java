package io.xgate.linux.libcrypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvpKeyExchangeTest {
    @BeforeAll
    static void libraryPresent() {
        assumeTrue(LibCrypto.available(), LibCrypto.reason());
    }

    @Test
    void reportsTheLoadedVersion() {
        assertTrue(LibCrypto.version().startsWith("OpenSSL 3."), LibCrypto.version());
        assertEquals("loaded " + LibCrypto.DEFAULT_PATH, LibCrypto.reason());
    }

    @ParameterizedTest
    @EnumSource(EvpKeyType.class)
    void generatedKeysHaveTheOctetFormsAndAgree(final EvpKeyType type) throws LibCryptoException {
        final EvpKeyExchange.KeyPair a = EvpKeyExchange.generate(type);
        final EvpKeyExchange.KeyPair b = EvpKeyExchange.generate(type);

        assertEquals(type.fieldLength(), a.privateKey().length);
        assertEquals(type.publicKeyLength(), a.publicKey().length);
        if (type != EvpKeyType.X25519) {
            assertEquals(4, a.publicKey()[0], "uncompressed SEC1 point");
        }
        final byte[] ab = EvpKeyExchange.derive(type, a.privateKey(), b.publicKey());
        assertEquals(type.fieldLength(), ab.length);
        assertArrayEquals(ab, EvpKeyExchange.derive(type, b.privateKey(), a.publicKey()));
    }

    @ParameterizedTest
    @EnumSource(value = EvpKeyType.class, names = {"P_256", "P_384", "P_521"})
    void refusesPointsOffTheCurve(final EvpKeyType type) throws LibCryptoException {
        final EvpKeyExchange.KeyPair a = EvpKeyExchange.generate(type);
        final byte[] offCurve = EvpKeyExchange.generate(type).publicKey();
        offCurve[offCurve.length - 1] ^= 1;
        final byte[] beyondPrime = new byte[type.publicKeyLength()];
        Arrays.fill(beyondPrime, (byte) 0xFF);
        beyondPrime[0] = 4;
        final byte[] compressedPrefix = EvpKeyExchange.generate(type).publicKey();
        compressedPrefix[0] = 2;

        for (final byte[] bad : new byte[][] {offCurve, beyondPrime, compressedPrefix, new byte[type.publicKeyLength()]}) {
            final LibCryptoException e = assertThrows(LibCryptoException.class,
                () -> EvpKeyExchange.derive(type, a.privateKey(), bad));
            assertTrue(e.getMessage().startsWith("import of a " + type + " public key failed"), e.getMessage());
        }
    }

    @Test
    void x25519RefusesTheAllZeroSecretOfALowOrderPoint() throws LibCryptoException {
        final EvpKeyExchange.KeyPair a = EvpKeyExchange.generate(EvpKeyType.X25519);

        final LibCryptoException e = assertThrows(LibCryptoException.class,
            () -> EvpKeyExchange.derive(EvpKeyType.X25519, a.privateKey(), new byte[32]));
        assertTrue(e.getMessage().startsWith("EVP_PKEY_derive"), e.getMessage());
    }

    @Test
    void refusesPublicKeysOfTheWrongLength() throws LibCryptoException {
        final EvpKeyExchange.KeyPair a = EvpKeyExchange.generate(EvpKeyType.P_256);

        final LibCryptoException e = assertThrows(LibCryptoException.class,
            () -> EvpKeyExchange.derive(EvpKeyType.P_256, a.privateKey(), new byte[64]));
        assertEquals("import of a P_256 public key failed: 64 bytes, expected 65", e.getMessage());
    }

    /**
     * Every native object of a call is freed: thousands of agreements leave glibc's heap where it was. The JIT
     * mallocs too, now and then, so the smallest growth of three windows counts; a leak grows every window.
     */
    @Test
    void agreementsDoNotLeakNativeMemory() throws LibCryptoException {
        final EvpKeyExchange.KeyPair peer = EvpKeyExchange.generate(EvpKeyType.P_256);
        final byte[] bad = peer.publicKey().clone();
        bad[64] ^= 1;
        for (int i = 0; i < 1000; i++) {
            cycle(peer, bad);
        }
        long smallest = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            final long before = NativeHeap.inUse();
            for (int i = 0; i < 3000; i++) {
                cycle(peer, bad);
            }
            smallest = Math.min(smallest, NativeHeap.inUse() - before);
        }
        // Here the smallest window grows by 0-12 KB; one leaked BIGNUM per cycle adds 250 KB, an EVP_PKEY more.
        assertTrue(smallest < 150_000, "native heap grew by at least " + smallest + " bytes per 3000 cycles");
    }

    private static void cycle(final EvpKeyExchange.KeyPair peer, final byte[] bad) throws LibCryptoException {
        final EvpKeyExchange.KeyPair ours = EvpKeyExchange.generate(EvpKeyType.P_256);
        EvpKeyExchange.derive(EvpKeyType.P_256, ours.privateKey(), peer.publicKey());
        assertThrows(LibCryptoException.class, () -> EvpKeyExchange.derive(EvpKeyType.P_256, ours.privateKey(), bad));
    }
}

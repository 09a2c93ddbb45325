package io.xgate.controlplane.ike.crypto;

import io.xgate.linux.libcrypto.LibCrypto;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KeyExchangeLibraryTest {
    @Test
    void autoTakesLibCryptoWhenItLoads() {
        final KeyExchangeLibrary.Selection auto = KeyExchangeLibrary.select(KeyExchangeLibrary.AUTO);

        assertEquals(LibCrypto.available(), auto.libCrypto(), auto.toString());
        assertTrue(auto.toString().startsWith("ike key exchange: "), auto.toString());
    }

    @Test
    void jdkCanBeForced() {
        final KeyExchangeLibrary.Selection jdk = KeyExchangeLibrary.select(KeyExchangeLibrary.JDK);

        assertFalse(jdk.libCrypto());
        assertEquals("ike key exchange: JDK (forced by -Dxgate.ike.crypto=jdk)", jdk.toString());
    }

    @Test
    void forcedLibCryptoNamesTheLoadedVersion() {
        assumeTrue(LibCrypto.available(), LibCrypto::reason);
        final KeyExchangeLibrary.Selection forced = KeyExchangeLibrary.select(KeyExchangeLibrary.LIBCRYPTO);

        assertTrue(forced.libCrypto());
        assertEquals("libcrypto " + LibCrypto.version(), forced.name());
        assertTrue(forced.reason().startsWith("forced by -Dxgate.ike.crypto=libcrypto; loaded "), forced.reason());
    }

    @Test
    void refusesAnUnknownChoice() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> KeyExchangeLibrary.select("openssl"));

        assertEquals("-Dxgate.ike.crypto must be auto, jdk or libcrypto, not openssl", e.getMessage());
    }
}

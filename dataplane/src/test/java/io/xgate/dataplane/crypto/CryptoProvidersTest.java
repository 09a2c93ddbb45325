package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.crypto.ipsecmb.IpsecMbArch;
import io.xgate.dataplane.crypto.ipsecmb.IpsecMbLibrary;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {
    @Test
    void jdkCanAlwaysBeForced() {
        final CryptoProviders.Selection selection = CryptoProviders.select(CryptoProviders.JDK);
        assertTrue(selection.provider().name().startsWith("jdk"), selection.toString());
        assertTrue(selection.reason().contains("forced"), selection.reason());
    }

    @Test
    void autoPrefersIpsecMbWhenItLoads() {
        final CryptoProviders.Selection selection = CryptoProviders.select(CryptoProviders.AUTO);
        if (IpsecMbLibrary.available()) {
            assertEquals("intel-ipsec-mb " + IpsecMbLibrary.version() + " (" + IpsecMbLibrary.arch().suffix() + ")",
                    selection.provider().name());
            System.out.println(selection);
        } else {
            assertTrue(selection.provider().name().startsWith("jdk"));
            assertTrue(selection.reason().contains(IpsecMbLibrary.reason()));
        }
        assertTrue(selection.toString().contains(selection.provider().name()));
    }

    @Test
    void forcingIpsecMbFailsLoudlyWhenItCannotLoad() {
        if (IpsecMbLibrary.available()) {
            assertTrue(CryptoProviders.select(CryptoProviders.IPSEC_MB).provider().name().startsWith("intel-ipsec-mb"));
        } else {
            assertThrows(IllegalStateException.class, () -> CryptoProviders.select(CryptoProviders.IPSEC_MB));
        }
    }

    @Test
    void unknownChoiceIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CryptoProviders.select("openssl"));
    }

    @Test
    void architectureFollowsCpuFlags() {
        assertEquals(IpsecMbArch.VAES_AVX512, IpsecMbArch.best(Set.of("aes", "pclmulqdq", "vaes", "vpclmulqdq",
                "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx2", "sse4_1")).orElseThrow());
        assertEquals(IpsecMbArch.AVX512, IpsecMbArch.best(Set.of("aes", "pclmulqdq", "avx512f", "avx512bw",
                "avx512vl", "avx512dq", "avx2")).orElseThrow());
        assertEquals(IpsecMbArch.AVX_GEN4, IpsecMbArch.best(Set.of("aes", "pclmulqdq", "avx2", "sse4_1")).orElseThrow());
        assertEquals(IpsecMbArch.SSE, IpsecMbArch.best(Set.of("aes", "pclmulqdq", "sse4_1")).orElseThrow());
        assertTrue(IpsecMbArch.best(Set.of("avx2", "sse4_1", "pclmulqdq")).isEmpty(), "no AES-NI, no ipsec-mb");
    }
}

package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.config.Secret;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.dataplane.capture.IkeSaKeys;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * prf+, SKEYSEED/SK_*, child KEYMAT and PSK AUTH against an independent computation: python3's hmac module
 * running RFC 7296 §2.13-2.17 and §2.15 step by step (the inputs are the constants below).
 */
class IkeKeyDerivationTest {
    private static final Bytes NI = Bytes.of(fill(0x11, 32));
    private static final Bytes NR = Bytes.of(fill(0x22, 32));
    private static final KeyMaterial GIR = KeyMaterial.copyOf(fill(0x33, 32));
    private static final long SPI_I = 0x0102030405060708L;
    private static final long SPI_R = 0x1112131415161718L;
    private static final IkeSuite CBC_SHA256 = new IkeSuite(new Encryption(EncryptionTransform.AES_CBC, 128),
        Prf.HMAC_SHA2_256, IntegrityTransform.HMAC_SHA2_256_128, KeyExchangeGroup.ECP_256);

    @Test
    void prfPlusMatchesPythonHmac() {
        final byte[] seed = "seedseedseedseedseed".getBytes(StandardCharsets.US_ASCII);
        final byte[] key = new byte[32];
        Arrays.setAll(new int[32], i -> key[i] = (byte) i);

        assertEquals("a10b598d0b8e0d49da83f17c95d1c1b5e5a748e6e7b00bb52589af0ce148d89fea074c90a058936ef6aad61f083b676a"
                + "a3e753acfb5ab79a59858e732b28dc66983acc269bb12f7f274748f8859cff068d2902e9a504f263893248264f3288491a2a54cb",
            hex(PrfPlus.expand(Prf.HMAC_SHA2_256, key, seed, 100)));
    }

    @Test
    void ikeSaKeysMatchPythonInRfcOrder() {
        final KeyMaterial skeyseed = IkeKeyDerivation.skeyseed(Prf.HMAC_SHA2_256, NI, NR, GIR);
        final IkeSaSecrets keys = IkeKeyDerivation.derive(CBC_SHA256, skeyseed, NI, NR, SPI_I, SPI_R);

        assertEquals("27d5c053aba7808dccba40fc66bfa0094129483e592db687e7345ec0550da58e", hex(skeyseed.bytes()));
        assertEquals("df4ad28668da8188ce5defec720ccf0c251f31cdf3a882fd5f855743dc144686", hex(keys.skD().bytes()));
        assertEquals("c9ae3d42239d6c8bbf6a6ef5a1caf7cec80ea790d4d352afa83b76ce6f5c3c6c", hex(keys.skAi().bytes()));
        assertEquals("00689060bbd7e4453dc5195c4a1f27d7ac0c4e52418349c6934c39421ea57ca3", hex(keys.skAr().bytes()));
        assertEquals("9d64b919ac44bb5b1ebdedbf7e79b38d", hex(keys.skEi().bytes()));
        assertEquals("87ef01ed4d08143494d703625c83cebc", hex(keys.skEr().bytes()));
        assertEquals("ade673827ec93a643559b414b4091b801552e64a534781e0a73af40d90e93864", hex(keys.skPi().bytes()));
        assertEquals("12738b2b053adc5a7bf900db34d6f5f82b2efaecd20636b72d5a40971e1f420b", hex(keys.skPr().bytes()));
    }

    @Test
    void gcmSkEncryptionKeysCarryTheSalt() {
        final IkeSuite gcm = new IkeSuite(new Encryption(EncryptionTransform.AES_GCM_16, 256), Prf.HMAC_SHA2_384,
            IntegrityTransform.NONE, KeyExchangeGroup.ECP_384);
        final IkeSaSecrets keys = IkeKeyDerivation.derive(gcm, GIR, NI, NR, SPI_I, SPI_R);

        assertEquals(36, keys.skEi().length());
        assertEquals(0, keys.skAi().length());
        assertEquals(48, keys.skD().length());
    }

    @Test
    void childKeymatWithoutAndWithPfsMatchesPython() {
        final KeyMaterial skD = KeyMaterial.copyOf(HexFormat.of()
            .parseHex("df4ad28668da8188ce5defec720ccf0c251f31cdf3a882fd5f855743dc144686"));
        final ChildSaKeys cbc = ChildKeyDerivation.derive(Prf.HMAC_SHA2_256, skD, Optional.empty(), NI, NR,
            new Encryption(EncryptionTransform.AES_CBC, 128), IntegrityTransform.HMAC_SHA1_96);
        final ChildSaKeys gcmPfs = ChildKeyDerivation.derive(Prf.HMAC_SHA2_256, skD,
            Optional.of(KeyMaterial.copyOf(fill(0x44, 32))), NI, NR,
            new Encryption(EncryptionTransform.AES_GCM_16, 256), IntegrityTransform.NONE);

        assertEquals("f0e4d386b43427f8cb05c2858604f704" + "6dd5ffd9afc07cb74e76051330ff1407d7155cc8"
                + "514928ab12edd66c8564d70b0ee9afe4" + "8ba7510c1729d1c4f54e3387ceedb26a48bf146a",
            hex(cbc.initiatorToResponderEncryption().bytes()) + hex(cbc.initiatorToResponderIntegrity().bytes())
                + hex(cbc.responderToInitiatorEncryption().bytes()) + hex(cbc.responderToInitiatorIntegrity().bytes()));
        assertEquals("dfce8afb9cb15b9fcdaed101314485a5bcab3e9b7000188f612964f950280a2e3f76a320"
                + "8c648274284dcb4fec10348e64d26c3b1564455d3ecfd3de53e6b41f1edb38cbf7f373fd",
            hex(gcmPfs.initiatorToResponderEncryption().bytes()) + hex(gcmPfs.responderToInitiatorEncryption().bytes()));
    }

    @Test
    void pskAuthMatchesHandComputedVector() {
        final IdPayload id = new IdPayload(Role.INITIATOR, IdPayload.ID_FQDN,
            Bytes.of("a.example".getBytes(StandardCharsets.US_ASCII)));
        final Bytes signed = SignedOctets.of(Bytes.of(fill(0xaa, 50)), Bytes.of(fill(0xbb, 32)), Prf.HMAC_SHA2_256,
            KeyMaterial.copyOf(fill(0xcc, 32)), id);
        final Secret psk = Secret.of("secret".getBytes(StandardCharsets.US_ASCII));

        final AuthPayload auth = PskAuthentication.sign(Prf.HMAC_SHA2_256, psk, signed);

        assertEquals("aa".repeat(50) + "bb".repeat(32) + "3de1921af0a6959e37bb42e3908f4ad8979ed743d6d107dccb2a19652d6655a1",
            signed.toHex());
        assertEquals(AuthPayload.SHARED_KEY_MIC, auth.method());
        assertEquals("dfab02d92fc3157a74953eaeab2bf78a324ea29feb0ad48e3c6bffac6ed90186", auth.data().toHex());
        assertTrue(PskAuthentication.verify(Prf.HMAC_SHA2_256, psk, signed, auth));
        assertFalse(PskAuthentication.verify(Prf.HMAC_SHA2_256, Secret.of(new byte[] {1}), signed, auth));
    }

    @Test
    void secretsNeverPrintKeyBytes() {
        final IkeSaSecrets keys = IkeKeyDerivation.derive(CBC_SHA256, GIR, NI, NR, SPI_I, SPI_R);

        assertFalse(keys.toString().contains(hex(keys.skD().bytes()).substring(0, 8)));
        assertEquals("KeyMaterial[32 bytes]", keys.skD().toString());
    }

    @Test
    void rekeyedIkeSaSkeyseedUsesTheOldSkD() {
        final KeyMaterial oldSkD = KeyMaterial.copyOf(HexFormat.of()
            .parseHex("df4ad28668da8188ce5defec720ccf0c251f31cdf3a882fd5f855743dc144686"));

        assertEquals("2ec78ea50a8535971b0627097a3b015c74a99dc645edd425fb3403ce14a2c5c4", hex(IkeKeyDerivation
            .rekeySkeyseed(Prf.HMAC_SHA2_256, oldSkD, KeyMaterial.copyOf(fill(0x44, 32)), NI, NR).bytes()));
    }

    @Test
    void captureKeysCarryTheSameAlgorithmsAndKeys() {
        final IkeSaSecrets secrets = IkeKeyDerivation.derive(CBC_SHA256, GIR, NI, NR, SPI_I, SPI_R);
        final IkeSaKeys capture = SkKeys.of(CBC_SHA256, secrets).forCapture(SPI_I, SPI_R);

        assertEquals(EncryptionAlgorithm.AES_128_CBC, capture.encryption());
        assertEquals(IntegrityAlgorithm.SHA256_128, capture.integrity());
        assertArrayEquals(secrets.skEr().bytes(), capture.skEr());
        assertArrayEquals(secrets.skAi().bytes(), capture.skAi());
    }

    static byte[] fill(final int value, final int length) {
        final byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.dataplane.crypto.Wycheproof;
import io.xgate.linux.libcrypto.LibCrypto;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every group by both implementations, the JDK's and libcrypto's, alone and against each other. */
class IkeKeyExchangeTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Engine {
        JDK, LIBCRYPTO;

        /** A key of {@code group}; MODP groups have only the JDK implementation, as in production. */
        KeyExchange generate(final KeyExchangeGroup group) {
            if (this == LIBCRYPTO) {
                assumeTrue(LibCrypto.available(), LibCrypto::reason);
                if (group.libCrypto().isPresent()) {
                    return group.libCrypto().get().generate(group, RANDOM);
                }
            }
            return group.jdk().generate(group, RANDOM);
        }

        /** The agreement of a known private key: a big-endian scalar for ECP, RFC 7748 octets for group 31. */
        KeyExchange.Agreement agreement(final KeyExchangeGroup group, final byte[] privateKey) {
            if (this == LIBCRYPTO) {
                assumeTrue(LibCrypto.available(), LibCrypto::reason);
                return group.libCrypto().orElseThrow().agreement(group, privateKey);
            }
            return group == KeyExchangeGroup.CURVE25519
                ? ((X25519Group) group.jdk()).fromPrivate(group, privateKey)::agree
                : ((EcpGroup) group.jdk()).fromPrivate(group, new BigInteger(1, privateKey))::agree;
        }
    }

    /** RFC 5903 §8: i, g^i = (gix, giy), r, g^r, and g^ir's x coordinate (the IKEv2 shared secret). */
    private record Rfc5903(KeyExchangeGroup group, String i, String gix, String giy, String r, String grx, String gry,
                           String girx) {
    }

    private static final Rfc5903[] RFC_5903 = {
        new Rfc5903(KeyExchangeGroup.ECP_256,
            "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433",
            "dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180",
            "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3",
            "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53",
            "d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63",
            "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab",
            "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de"),
        new Rfc5903(KeyExchangeGroup.ECP_384,
            "099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655e35b538041e649ee3faef896783ab194",
            "667842d7d180ac2cde6f74f37551f55755c7645c20ef73e31634fe72b4c55ee6de3ac808acb4bdb4c88732aee95f41aa",
            "9482ed1fc0eeb9cafc4984625ccfc23f65032149e0e144ada024181535a0f38eeb9fcff3c2c947dae69b4c634573a81c",
            "41cb0779b4bdb85d47846725fbec3c9430fab46cc8dc5060855cc9bda0aa2942e0308312916b8ed2960e4bd55a7448fc",
            "e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d0d1ac43a0336def96fda41d0774a3571",
            "dcfbec7aacf3196472169e838430367f66eebe3c6e70c416dd5f0c68759dd1fff83fa40142209dff5eaad96db9e6386c",
            "11187331c279962d93d604243fd592cb9d0a926f422e47187521287e7156c5c4d603135569b9e9d09cf5d4a270f59746"),
        new Rfc5903(KeyExchangeGroup.ECP_521,
            "0037ade9319a89f4dabdb3ef411aaccca5123c61acab57b5393dce47608172a095aa85a30fe1c2952c6771d937ba9777f5957b2639bab072462f68c27a57382d4a52",
            "0015417e84dbf28c0ad3c278713349dc7df153c897a1891bd98bab4357c9ecbee1e3bf42e00b8e380aeae57c2d107564941885942af5a7f4601723c4195d176ced3e",
            "017cae20b6641d2eeb695786d8c946146239d099e18e1d5a514c739d7cb4a10ad8a788015ac405d7799dc75e7b7d5b6cf2261a6a7f1507438bf01beb6ca3926f9582",
            "0145ba99a847af43793fdd0e872e7cdfa16be30fdc780f97bccc3f078380201e9c677d600b343757a3bdbf2a3163e4c2f869cca7458aa4a4effc311f5cb151685eb9",
            "00d0b3975ac4b799f5bea16d5e13e9af971d5e9b984c9f39728b5e5739735a219b97c356436adc6e95bb0352f6be64a6c2912d4ef2d0433ced2b6171640012d9460f",
            "015c68226383956e3bd066e797b623c27ce0eac2f551a10c2c724d9852077b87220b6536c5c408a1d2aebb8e86d678ae49cb57091f4732296579ab44fcd17f0fc56a",
            "01144c7d79ae6956bc8edb8e7c787c4521cb086fa64407f97894e5e6b2d79b04d1427e73ca4baa240a34786859810c06b3c715a3a8cc3151f2bee417996d19f3ddea"),
    };

    @Test
    void ecpGroupsMatchRfc5903Vectors() throws InvalidKeyExchangeException {
        for (final Rfc5903 v : RFC_5903) {
            final EcpGroup method = (EcpGroup) v.group().jdk();
            final KeyExchange initiator = method.fromPrivate(v.group(), new BigInteger(v.i(), 16));
            final KeyExchange responder = method.fromPrivate(v.group(), new BigInteger(v.r(), 16));

            assertEquals(v.gix() + v.giy(), initiator.publicValue().toHex(), v.group() + " KEi is x || y");
            assertEquals(v.grx() + v.gry(), responder.publicValue().toHex(), v.group() + " KEr is x || y");
            assertEquals(v.girx(), hex(initiator.agree(responder.publicValue()).bytes()), v.group() + " g^ir is x");
            assertEquals(v.girx(), hex(responder.agree(initiator.publicValue()).bytes()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ecpSharedSecretsMatchRfc5903Vectors(final Engine engine) throws InvalidKeyExchangeException {
        for (final Rfc5903 v : RFC_5903) {
            final KeyExchange.Agreement initiator = engine.agreement(v.group(), HexFormat.of().parseHex(v.i()));
            final KeyExchange.Agreement responder = engine.agreement(v.group(), HexFormat.of().parseHex(v.r()));

            assertEquals(v.girx(), hex(initiator.agree(Bytes.fromHex(v.grx() + v.gry())).bytes()), v.group() + " g^ir");
            assertEquals(v.girx(), hex(responder.agree(Bytes.fromHex(v.gix() + v.giy())).bytes()), v.group() + " g^ir");
        }
    }

    /** Every group with each implementation on both sides, and libcrypto against the JDK. */
    static Stream<Arguments> pairings() {
        return Stream.of(KeyExchangeGroup.values()).flatMap(group -> Stream.of(
            Arguments.of(group, Engine.JDK, Engine.JDK), Arguments.of(group, Engine.LIBCRYPTO, Engine.LIBCRYPTO),
            Arguments.of(group, Engine.LIBCRYPTO, Engine.JDK)));
    }

    @ParameterizedTest
    @MethodSource("pairings")
    void bothSidesAgreeOnEveryGroup(final KeyExchangeGroup group, final Engine sideA, final Engine sideB)
        throws InvalidKeyExchangeException {
        final KeyExchange a = sideA.generate(group);
        final KeyExchange b = sideB.generate(group);

        assertEquals(group.publicValueLength(), a.publicValue().length());
        assertEquals(group.publicValueLength(), b.publicValue().length());
        assertArrayEquals(a.agree(b.publicValue()).bytes(), b.agree(a.publicValue()).bytes());
    }

    @Test
    void theActiveLibraryComputesTheCurveGroups() {
        final boolean libCrypto = KeyExchangeLibrary.active().libCrypto();
        assertEquals(LibCrypto.available(), libCrypto, KeyExchangeLibrary.active().toString());
        for (final KeyExchangeGroup group : KeyExchangeGroup.values()) {
            assertEquals(libCrypto && group.libCrypto().isPresent(), group.method() instanceof LibCryptoGroup,
                group.toString());
        }
        assertInstanceOf(ModpGroup.class, KeyExchangeGroup.MODP_2048.method());
    }

    static Stream<Arguments> groupsByEngine() {
        return Stream.of(KeyExchangeGroup.values())
            .flatMap(group -> Stream.of(Engine.values()).map(engine -> Arguments.of(group, engine)));
    }

    @ParameterizedTest
    @MethodSource("groupsByEngine")
    void refusesPeerValuesOfTheWrongLength(final KeyExchangeGroup group, final Engine engine) {
        final KeyExchange a = engine.generate(group);
        final byte[] longer = Arrays.copyOf(a.publicValue().toArray(), group.publicValueLength() + 1);

        assertThrows(InvalidKeyExchangeException.class, () -> a.agree(Bytes.of(longer)));
        assertThrows(InvalidKeyExchangeException.class, () -> a.agree(Bytes.EMPTY));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ecpRefusesPointsOffTheCurve(final Engine engine) {
        for (final KeyExchangeGroup group : new KeyExchangeGroup[] {
            KeyExchangeGroup.ECP_256, KeyExchangeGroup.ECP_384, KeyExchangeGroup.ECP_521}) {
            final KeyExchange a = engine.generate(group);
            final byte[] offCurve = engine.generate(group).publicValue().toArray();
            offCurve[offCurve.length - 1] ^= 1;
            final byte[] beyondPrime = new byte[group.publicValueLength()];
            Arrays.fill(beyondPrime, (byte) 0xFF);

            for (final byte[] bad : new byte[][] {offCurve, beyondPrime, new byte[group.publicValueLength()]}) {
                final InvalidKeyExchangeException e = assertThrows(InvalidKeyExchangeException.class,
                    () -> a.agree(Bytes.of(bad)));
                assertTrue(e.getMessage().startsWith(group.configName() + " "), e.getMessage());
            }
        }
    }

    @Test
    void modpRefusesDegeneratePublicValues() {
        final KeyExchange a = KeyExchangeGroup.MODP_2048.generate(RANDOM);
        final byte[] one = new byte[256];
        one[255] = 1;
        final byte[] pMinusOne = Arrays.copyOf(KeyExchangeGroup.MODP_2048.generate(RANDOM).publicValue().toArray(), 256);
        Arrays.fill(pMinusOne, (byte) 0xFF);

        assertThrows(InvalidKeyExchangeException.class, () -> a.agree(Bytes.of(one)));
        assertThrows(InvalidKeyExchangeException.class, () -> a.agree(Bytes.of(new byte[256])));
        assertThrows(InvalidKeyExchangeException.class, () -> a.agree(Bytes.of(pMinusOne)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void x25519WycheproofVectors(final Engine engine) {
        int checked = 0;
        for (final Wycheproof.Case c : Wycheproof.load("x25519_test.json")) {
            final KeyExchange.Agreement key = engine.agreement(KeyExchangeGroup.CURVE25519, c.hex("private"));
            try {
                final byte[] shared = key.agree(Bytes.of(c.hex("public"))).bytes();
                if (c.invalid()) {
                    fail(c + " accepted");
                }
                assertArrayEquals(c.hex("shared"), shared, c.toString());
            } catch (final InvalidKeyExchangeException e) {
                // Acceptable cases include low-order points, whose all-zero result RFC 8031 §2 refuses.
                assertTrue(!c.valid() || Arrays.equals(c.hex("shared"), new byte[32]), c + ": " + e.getMessage());
            }
            checked++;
        }
        assertTrue(checked > 500, "x25519 vectors run: " + checked);
    }

    /**
     * Wycheproof ECDH: the peer key is an X.509 SubjectPublicKeyInfo; cases whose key is an uncompressed
     * point on the right curve become a KE payload value (x || y), the others have no KE form and are skipped.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void ecdhWycheproofVectors(final Engine engine) {
        final Map<String, KeyExchangeGroup> files = Map.of(
            "ecdh_secp256r1_test.json", KeyExchangeGroup.ECP_256, "ecdh_secp384r1_test.json", KeyExchangeGroup.ECP_384,
            "ecdh_secp521r1_test.json", KeyExchangeGroup.ECP_521);
        final Map<KeyExchangeGroup, String> curveOids = Map.of(KeyExchangeGroup.ECP_256, "1.2.840.10045.3.1.7",
            KeyExchangeGroup.ECP_384, "1.3.132.0.34", KeyExchangeGroup.ECP_521, "1.3.132.0.35");
        for (final Map.Entry<String, KeyExchangeGroup> file : files.entrySet()) {
            final KeyExchangeGroup group = file.getValue();
            final int coordinate = group.publicValueLength() / 2;
            int checked = 0;
            for (final Wycheproof.Case c : Wycheproof.load(file.getKey())) {
                final byte[] point = uncompressedPoint(c.hex("public"), curveOids.get(group));
                if (point == null || point.length != 1 + 2 * coordinate || point[0] != 4) {
                    continue;
                }
                final KeyExchange.Agreement key = engine.agreement(group,
                    fixed(new BigInteger(1, c.hex("private")), coordinate));
                final Bytes ke = Bytes.of(point, 1, 2 * coordinate);
                try {
                    final byte[] shared = key.agree(ke).bytes();
                    if (c.invalid()) {
                        fail(file.getKey() + " " + c + " accepted");
                    }
                    assertArrayEquals(c.hex("shared"), shared, file.getKey() + " " + c);
                } catch (final InvalidKeyExchangeException e) {
                    assertTrue(!c.valid(), file.getKey() + " " + c + ": " + e.getMessage());
                }
                checked++;
            }
            assertTrue(checked > 100, file.getKey() + " cases run: " + checked);
        }
    }

    private static byte[] fixed(final BigInteger value, final int length) {
        final byte[] raw = value.toByteArray();
        final byte[] out = new byte[length];
        final int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
    /** The BIT STRING of an SPKI on the expected curve, or null when it does not parse or names another curve. */
    private static byte[] uncompressedPoint(final byte[] spki, final String curveOid) {
        try {
            final SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
            final Object parameters = info.getAlgorithm().getParameters();
            if (!(parameters instanceof ASN1ObjectIdentifier oid) || !oid.getId().equals(curveOid)) {
                return null;
            }
            return info.getPublicKeyData().getOctets();
        } catch (final RuntimeException e) {
            return null;
        }
    }

    private static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.SkCipher;
import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.payload.CertReqPayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.payload.UnrecognizedPayload;
import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.WireWriter;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IkeMessageCodecTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void everyPayloadRoundTripsAlone() {
        for (final IkePayload payload : IkeMessages.everyPayload()) {
            final IkeMessage message = IkeMessage.plain(IkeMessages.INIT_REQUEST, List.of(payload));
            final byte[] wire = message.encode();

            final IkeDecodeResult.Ok ok = assertInstanceOf(IkeDecodeResult.Ok.class, IkeMessage.decode(wire), payload::toString);
            assertEquals(message, ok.message(), payload.type().toString());
            assertArrayEquals(wire, ok.message().encode());
        }
    }

    @Test
    void headerAndKePayloadHaveTheRfcLayout() {
        final IkeMessage message = IkeMessage.plain(IkeMessages.INIT_REQUEST,
            List.of(new KePayload(31, Bytes.fromHex("00".repeat(32)))));

        // SPIi, SPIr, next=KE(34), version 2.0, IKE_SA_INIT(34), flags I, message id 0, length 28+8+32.
        assertEquals("1122334455667788" + "0000000000000000" + "22" + "20" + "22" + "08" + "00000000" + "00000044"
                + "00" + "00" + "0028" + "001f" + "0000" + "00".repeat(32),
            HexFormat.of().formatHex(message.encode()));
    }

    @Test
    void unknownCriticalPayloadIsAnUnprotectedErrorNamingItsType() {
        final byte[] wire = withPayload(0x80, 200);

        final IkeDecodeResult.UnprotectedError error = assertInstanceOf(IkeDecodeResult.UnprotectedError.class,
            IkeMessage.decode(wire));
        assertEquals(NotifyType.UNSUPPORTED_CRITICAL_PAYLOAD, error.answer().orElseThrow().notifyType());
        assertEquals(Bytes.of((byte) 200), error.answer().orElseThrow().data());
    }

    @Test
    void unknownNonCriticalPayloadIsSkippedButKept() {
        final byte[] wire = withPayload(0, 200);

        final IkeDecodeResult.Ok ok = assertInstanceOf(IkeDecodeResult.Ok.class, IkeMessage.decode(wire));
        assertInstanceOf(UnrecognizedPayload.class, ok.message().payloads().getFirst());
        assertArrayEquals(wire, ok.message().encode());
    }

    @Test
    void lyingLengthsTruncationAndWrongVersionAreUnprotectedErrors() {
        final byte[] wire = IkeMessage.plain(IkeMessages.INIT_REQUEST, IkeMessages.everyPayload()).encode();
        final byte[] truncated = Arrays.copyOf(wire, wire.length - 1);
        final byte[] badVersion = wire.clone();
        badVersion[17] = 0x30;
        final byte[] payloadTooLong = wire.clone();
        payloadTooLong[30] = 0x7F;

        assertInstanceOf(IkeDecodeResult.UnprotectedError.class, IkeMessage.decode(new byte[27]));
        assertEquals(NotifyType.INVALID_SYNTAX, unprotectedType(truncated));
        assertEquals(NotifyType.INVALID_MAJOR_VERSION, unprotectedType(badVersion));
        assertEquals(NotifyType.INVALID_SYNTAX, unprotectedType(payloadTooLong));
    }

    @Test
    void everySkSuiteRoundTripsAndRejectsATamperedIcv() {
        for (final IkeSuite suite : IkeMessages.SK_SUITES) {
            final SkKeys keys = IkeMessages.keys(suite);
            final IkeMessage message = IkeMessage.protectedBySk(IkeMessages.AUTH_REQUEST, IkeMessages.everyPayload());
            final byte[] wire = message.encode(keys, RANDOM);

            assertEquals(new IkeDecodeResult.Ok(message), IkeMessage.decode(wire, keys), suite.toString());
            for (final int at : new int[] {wire.length - 1, 3, 40}) {
                final byte[] tampered = wire.clone();
                tampered[at] ^= 1;
                final IkeDecodeResult.UnprotectedError error = assertInstanceOf(IkeDecodeResult.UnprotectedError.class,
                    IkeMessage.decode(tampered, keys), suite + " byte " + at);
                assertTrue(error.answer().isEmpty(), "failed integrity is dropped silently");
            }
        }
    }

    @Test
    void responderMessagesUseTheResponderKeys() {
        final SkKeys keys = IkeMessages.keys(IkeMessages.SK_SUITES.getFirst());
        final IkeHeader response = IkeHeader.of(1, 2, ExchangeType.INFORMATIONAL, false, true, 7);
        final byte[] wire = IkeMessage.protectedBySk(response, List.of()).encode(keys, RANDOM);
        final byte[] forged = wire.clone();
        forged[19] |= 0x08;

        assertInstanceOf(IkeDecodeResult.Ok.class, IkeMessage.decode(wire, keys));
        assertInstanceOf(IkeDecodeResult.UnprotectedError.class, IkeMessage.decode(forged, keys));
    }

    @Test
    void encryptedMessageWithoutKeysIsRefused() {
        final byte[] wire = IkeMessage.protectedBySk(IkeMessages.AUTH_REQUEST, List.of())
            .encode(IkeMessages.keys(IkeMessages.SK_SUITES.getLast()), RANDOM);

        assertInstanceOf(IkeDecodeResult.UnprotectedError.class, IkeMessage.decode(wire));
    }

    @Test
    void errorsInsideAuthenticatedSkAreProtectedErrors() {
        final SkKeys keys = IkeMessages.keys(IkeMessages.SK_SUITES.get(1));
        // A nonce of 8 bytes (the minimum is 16), then an unassigned critical payload type 200.
        final IkeDecodeResult shortNonce = IkeMessage.decode(sealInner(keys, PayloadType.NONCE, "0000000c0102030405060708"), keys);
        final IkeDecodeResult critical = IkeMessage.decode(sealInner(keys, new PayloadType(200), "00800004"), keys);

        assertEquals(NotifyType.INVALID_SYNTAX, assertInstanceOf(IkeDecodeResult.ProtectedError.class, shortNonce).notifyType());
        final IkeDecodeResult.ProtectedError error = assertInstanceOf(IkeDecodeResult.ProtectedError.class, critical);
        assertEquals(NotifyType.UNSUPPORTED_CRITICAL_PAYLOAD, error.notifyType());
        assertEquals(Bytes.of((byte) 200), error.answer().data());
    }

    @Test
    void nestedEncryptedPayloadIsAProtectedError() {
        final SkKeys keys = IkeMessages.keys(IkeMessages.SK_SUITES.getFirst());

        assertInstanceOf(IkeDecodeResult.ProtectedError.class,
            IkeMessage.decode(sealInner(keys, PayloadType.SK, "00000008cafebabe"), keys));
    }

    @Test
    void fragmentsReassembleInAnyOrder() {
        for (final IkeSuite suite : IkeMessages.SK_SUITES) {
            final SkKeys keys = IkeMessages.keys(suite);
            final IkeMessage message = IkeMessage.protectedBySk(IkeMessages.AUTH_REQUEST, IkeMessages.everyPayload());
            final List<byte[]> datagrams = message.encodeFragments(keys, RANDOM, 200);
            assertTrue(datagrams.size() > 3, "several fragments");

            final List<IkeDecodeResult.Fragment> fragments = new ArrayList<>();
            for (final byte[] datagram : datagrams.reversed()) {
                assertTrue(datagram.length <= 200);
                fragments.add(assertInstanceOf(IkeDecodeResult.Fragment.class, IkeMessage.decode(datagram, keys)));
            }
            assertEquals(new IkeDecodeResult.Ok(message), IkeMessage.reassemble(fragments), suite.toString());
            assertInstanceOf(IkeDecodeResult.UnprotectedError.class, IkeMessage.reassemble(fragments.subList(1, fragments.size())));
        }
    }

    @Test
    void aMessageThatFitsIsSentWholeAndOneByteMoreSplitsIt() {
        final SkKeys keys = IkeMessages.keys(IkeMessages.SK_SUITES.getFirst());
        final IkeMessage message = IkeMessage.protectedBySk(IkeMessages.AUTH_REQUEST, IkeMessages.everyPayload());
        final int whole = message.encode(keys, RANDOM).length;

        final List<byte[]> fits = message.encodeFragments(keys, RANDOM, whole);
        assertEquals(1, fits.size());
        assertEquals(new IkeDecodeResult.Ok(message), IkeMessage.decode(fits.getFirst(), keys), "SK, not SKF");
        final List<byte[]> split = message.encodeFragments(keys, RANDOM, whole - 1);
        assertEquals(2, split.size());
        assertInstanceOf(IkeDecodeResult.Fragment.class, IkeMessage.decode(split.getFirst(), keys));
    }

    @Test
    void fragmentsAreAsLargeAsAllowedAndAsFewAsNeeded() {
        final SkKeys keys = IkeMessages.keys(IkeMessages.SK_SUITES.getLast());
        final SkCipher gcm = keys.sentBy(IkeMessages.AUTH_REQUEST.sender());
        final IkeMessage message = IkeMessage.protectedBySk(IkeMessages.AUTH_REQUEST, IkeMessages.everyPayload());
        final int plaintext = message.encode(keys, RANDOM).length - IkeHeader.LENGTH - 4 - gcm.sealedLength(0);
        for (final int max : new int[] {100, 201, 544, 1228}) {
            final List<byte[]> fragments = message.encodeFragments(keys, RANDOM, max);
            // Header, SKF header with its two numbers, IV and ICV around each chunk; GCM adds no padding.
            final int chunk = max - IkeHeader.LENGTH - 8 - gcm.sealedLength(0);
            assertEquals(Math.max(1, (plaintext + chunk - 1) / chunk), fragments.size(), "at " + max);
            if (fragments.size() > 1) {
                fragments.subList(0, fragments.size() - 1).forEach(f -> assertEquals(max, f.length, "at " + max));
            }
        }
    }

    @Test
    void typedAccessorsFindPayloads() {
        final IkeMessage message = IkeMessage.plain(IkeMessages.INIT_REQUEST, IkeMessages.everyPayload());

        assertEquals(1, message.payloads(SaPayload.class).size());
        assertEquals(2, message.first(CertReqPayload.class).orElseThrow().authorityHashes().size());
        assertTrue(message.findNotify(NotifyType.NAT_DETECTION_SOURCE_IP).isPresent());
        assertTrue(message.findNotify(NotifyType.COOKIE).isEmpty());
    }

    /** An SK message whose decrypted content is {@code innerHex}, announced as starting with {@code first}. */
    private static byte[] sealInner(final SkKeys keys, final PayloadType first, final String innerHex) {
        final byte[] inner = HexFormat.of().parseHex(innerHex);
        final SkCipher cipher = keys.sentBy(IkeMessages.AUTH_REQUEST.sender());
        final int sealed = cipher.sealedLength(inner.length);
        final WireWriter out = new WireWriter();
        IkeMessages.AUTH_REQUEST.encode(PayloadType.SK, IkeHeader.LENGTH + 4 + sealed, out);
        out.u8(first.value()).u8(0).u16(4 + sealed).zeros(sealed);
        final byte[] message = out.toByteArray();
        cipher.seal(message, IkeHeader.LENGTH + 4, inner, RANDOM);
        return message;
    }

    /** An IKE_SA_INIT request holding one payload of an unassigned type with the given flags. */
    private static byte[] withPayload(final int flags, final int type) {
        final byte[] body = HexFormat.of().parseHex("00" + String.format("%02x", flags) + "0008" + "cafebabe");
        final WireWriter out = new WireWriter();
        IkeMessages.INIT_REQUEST.encode(new PayloadType(type), IkeHeader.LENGTH + body.length, out);
        out.rawBytes(body);
        return out.toByteArray();
    }

    private static NotifyType unprotectedType(final byte[] wire) {
        return assertInstanceOf(IkeDecodeResult.UnprotectedError.class, IkeMessage.decode(wire)).answer().orElseThrow()
            .notifyType();
    }
}

package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.crypto.SkCipher;
import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.payload.PayloadChain;
import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes messages in the clear, in one SK payload, or as SKF fragments. */
final class MessageEncoder {
    /** Fragment Number and Total Fragments (RFC 7383 §2.5). */
    private static final int FRAGMENT_FIELDS = 4;

    private MessageEncoder() {
    }

    static byte[] plain(final IkeMessage message) {
        final WireWriter body = new WireWriter();
        PayloadChain.encode(message.payloads(), PayloadType.NONE, body);
        final byte[] payloads = body.toByteArray();
        final WireWriter out = new WireWriter();
        message.header().encode(PayloadChain.firstType(message.payloads()), IkeHeader.LENGTH + payloads.length, out);
        out.rawBytes(payloads);
        return out.toByteArray();
    }

    private static byte[] innerPayloads(final IkeMessage message) {
        final WireWriter inner = new WireWriter();
        PayloadChain.encode(message.payloads(), PayloadType.NONE, inner);
        return inner.toByteArray();
    }

    static byte[] protectedBySk(final IkeMessage message, final SkKeys keys, final SecureRandom random) {
        final byte[] plaintext = innerPayloads(message);
        try {
            return whole(message, keys.sentBy(message.header().sender()), plaintext, random);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] whole(final IkeMessage message, final SkCipher cipher, final byte[] plaintext,
                                final SecureRandom random) {
        return seal(message.header(), cipher, PayloadType.SK, PayloadChain.firstType(message.payloads()), 0, 0,
            plaintext, random);
    }

    static List<byte[]> fragments(final IkeMessage message, final SkKeys keys, final SecureRandom random,
                                  final int maxDatagram) {
        final SkCipher cipher = keys.sentBy(message.header().sender());
        final byte[] plaintext = innerPayloads(message);
        try {
            if (IkeHeader.LENGTH + PayloadChain.GENERIC_HEADER + cipher.sealedLength(plaintext.length) <= maxDatagram) {
                // Fragmentation is for messages that would not fit (RFC 7383 §2.5): one that does goes whole, in SK.
                return List.of(whole(message, cipher, plaintext, random));
            }
            return split(message, cipher, plaintext, random, maxDatagram);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static List<byte[]> split(final IkeMessage message, final SkCipher cipher, final byte[] plaintext,
                                      final SecureRandom random, final int maxDatagram) {
        final int overhead = IkeHeader.LENGTH + PayloadChain.GENERIC_HEADER + FRAGMENT_FIELDS;
        // The largest chunk that still fits once IV, padding and ICV are added: a few dozen steps at most.
        int chunk = maxDatagram - overhead;
        while (chunk > 0 && overhead + cipher.sealedLength(chunk) > maxDatagram) {
            chunk--;
        }
        if (chunk <= 0) {
            throw new IllegalArgumentException("fragments of " + maxDatagram + " bytes cannot carry any payload");
        }
        final int total = (plaintext.length + chunk - 1) / chunk;
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("message needs " + total + " fragments");
        }
        final List<byte[]> out = new ArrayList<>(total);
        for (int number = 1; number <= total; number++) {
            final int from = (number - 1) * chunk;
            final byte[] part = Arrays.copyOfRange(plaintext, from, Math.min(plaintext.length, from + chunk));
            // Only the first fragment names the first inner payload (RFC 7383 §2.5).
            final PayloadType inner = number == 1 ? PayloadChain.firstType(message.payloads()) : PayloadType.NONE;
            out.add(seal(message.header(), cipher, PayloadType.SKF, inner, number, total, part, random));
            Arrays.fill(part, (byte) 0);
        }
        return out;
    }

    /** Header, container header (and fragment fields when {@code number > 0}), then sealed content in place. */
    private static byte[] seal(final IkeHeader header, final SkCipher cipher, final PayloadType container,
                               final PayloadType firstInner, final int number, final int total,
                               final byte[] plaintext, final SecureRandom random) {
        final int sealed = cipher.sealedLength(plaintext.length);
        final int fields = number > 0 ? FRAGMENT_FIELDS : 0;
        final int containerLength = PayloadChain.GENERIC_HEADER + fields + sealed;
        final WireWriter out = new WireWriter();
        header.encode(container, IkeHeader.LENGTH + containerLength, out);
        out.u8(firstInner.value()).u8(0).u16(containerLength);
        if (number > 0) {
            out.u16(number).u16(total);
        }
        final int contentOffset = out.size();
        out.zeros(sealed);
        final byte[] message = out.toByteArray();
        cipher.seal(message, contentOffset, plaintext, random);
        return message;
    }
}

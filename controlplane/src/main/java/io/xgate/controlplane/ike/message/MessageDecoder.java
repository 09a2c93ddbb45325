package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.payload.EncryptedContainer;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.PayloadChain;
import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.payload.UnsupportedCriticalPayloadException;
import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a datagram into an {@link IkeDecodeResult}: header checks, the clear-text chain, then the SK/SKF
 * container authenticated and decrypted with the sender's keys and its inner chain parsed. Errors found
 * before authentication are unprotected; errors inside authenticated content are protected.
 */
final class MessageDecoder {
    private MessageDecoder() {
    }

    static IkeDecodeResult decode(final byte[] datagram, final Optional<SkKeys> keys) {
        if (datagram.length < IkeHeader.LENGTH) {
            return unprotected(Optional.empty(), Optional.empty(), datagram.length + " bytes: shorter than an IKE header");
        }
        final IkeHeader.Raw raw;
        try {
            raw = IkeHeader.decode(WireReader.of(datagram));
        } catch (final MalformedException e) {
            return unprotected(Optional.empty(), Optional.empty(), e.getMessage());
        }
        final IkeHeader header = raw.header();
        if (header.majorVersion() != IkeHeader.IKEV2) {
            return unprotected(Optional.of(header), Optional.of(NotifyType.INVALID_MAJOR_VERSION),
                "major version " + header.majorVersion());
        }
        if (raw.length() != datagram.length) {
            return unprotected(Optional.of(header), Optional.of(NotifyType.INVALID_SYNTAX),
                "length field " + raw.length() + " but " + datagram.length + " bytes arrived");
        }
        final PayloadChain.Decoded clear;
        final WireReader body = WireReader.of(datagram);
        try {
            body.skip(IkeHeader.LENGTH, "header");
            clear = PayloadChain.decode(raw.firstPayload(), body, true);
        } catch (final MalformedException e) {
            return unprotected(Optional.of(header), Optional.of(NotifyType.INVALID_SYNTAX), e.getMessage());
        } catch (final UnsupportedCriticalPayloadException e) {
            return new IkeDecodeResult.UnprotectedError(Optional.of(header),
                Optional.of(criticalNotify(e)), e.getMessage());
        }
        if (clear.container().isEmpty()) {
            // Once an IKE SA has keys every message is protected (RFC 7296 §1.2): anyone on the path could forge this.
            return keys.isEmpty() ? new IkeDecodeResult.Ok(IkeMessage.plain(header, clear.payloads()))
                : unprotected(Optional.of(header), Optional.empty(), "clear-text message on an IKE SA with keys");
        }
        if (!clear.payloads().isEmpty()) {
            // RFC 7296 §3.14 allows them; no implementation sends them, and accepting them would need a
            // message model with two payload lists, so they are refused (and never answered).
            return unprotected(Optional.of(header), Optional.empty(), "clear-text payloads before the encrypted payload");
        }
        if (keys.isEmpty()) {
            return unprotected(Optional.of(header), Optional.empty(), "encrypted message without IKE SA keys");
        }
        final EncryptedContainer container = clear.container().get();
        final int contentOffset = datagram.length - container.content().length();
        final Optional<byte[]> plaintext = keys.get().sentBy(header.sender()).open(datagram, contentOffset);
        if (plaintext.isEmpty()) {
            return unprotected(Optional.of(header), Optional.empty(), "integrity check failed");
        }
        return switch (container) {
            case EncryptedContainer.Fragment f -> new IkeDecodeResult.Fragment(header, f.fragmentNumber(),
                f.totalFragments(), f.firstInnerPayload(), Bytes.of(plaintext.get()));
            case EncryptedContainer.Encrypted e -> inner(header, e.firstInnerPayload(), plaintext.get());
        };
    }

    static IkeDecodeResult reassemble(final List<IkeDecodeResult.Fragment> fragments) {
        if (fragments.isEmpty()) {
            return unprotected(Optional.empty(), Optional.empty(), "no fragments");
        }
        final List<IkeDecodeResult.Fragment> ordered = fragments.stream()
            .sorted(Comparator.comparingInt(IkeDecodeResult.Fragment::fragmentNumber)).toList();
        final IkeDecodeResult.Fragment first = ordered.getFirst();
        final int total = first.totalFragments();
        for (int i = 0; i < ordered.size(); i++) {
            final IkeDecodeResult.Fragment f = ordered.get(i);
            if (f.fragmentNumber() != i + 1 || f.totalFragments() != total
                || f.header().messageId() != first.header().messageId()) {
                return unprotected(Optional.of(first.header()), Optional.empty(),
                    "fragments do not form 1.." + total + " of one message");
            }
        }
        if (ordered.size() != total) {
            return unprotected(Optional.of(first.header()), Optional.empty(),
                ordered.size() + " of " + total + " fragments");
        }
        final Bytes joined = Bytes.concat(ordered.stream().map(IkeDecodeResult.Fragment::plaintext).toArray(Bytes[]::new));
        return inner(first.header(), first.firstInnerPayload(), joined.toArray());
    }

    private static IkeDecodeResult inner(final IkeHeader header, final PayloadType first, final byte[] plaintext) {
        try {
            final PayloadChain.Decoded inner = PayloadChain.decode(first, WireReader.of(plaintext), false);
            return new IkeDecodeResult.Ok(IkeMessage.protectedBySk(header, inner.payloads()));
        } catch (final MalformedException e) {
            return new IkeDecodeResult.ProtectedError(header, NotifyPayload.of(NotifyType.INVALID_SYNTAX, Bytes.EMPTY),
                e.getMessage());
        } catch (final UnsupportedCriticalPayloadException e) {
            return new IkeDecodeResult.ProtectedError(header, criticalNotify(e), e.getMessage());
        }
    }

    /** The notification data is the one-octet payload type (RFC 7296 §3.10.1). */
    private static NotifyPayload criticalNotify(final UnsupportedCriticalPayloadException e) {
        return NotifyPayload.of(NotifyType.UNSUPPORTED_CRITICAL_PAYLOAD, Bytes.of((byte) e.payloadType()));
    }

    private static IkeDecodeResult unprotected(final Optional<IkeHeader> header, final Optional<NotifyType> type,
                                               final String reason) {
        return new IkeDecodeResult.UnprotectedError(header, type.map(t -> NotifyPayload.of(t, Bytes.EMPTY)), reason);
    }
}

package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * An IKE message: header and payloads, immutable. {@code encrypted} messages carry all their payloads in
 * one SK payload (or in SKF fragments) and are encoded with the IKE SA's keys; the others (IKE_SA_INIT,
 * unprotected error notifies) are encoded in the clear. Decoding never throws on malformed input; it
 * returns an {@link IkeDecodeResult}.
 *
 * <p>Round trips are exact: {@code decode(m.encode())} is {@code Ok(m)}, and for any datagram that decodes
 * to {@code Ok(m)} in the clear, {@code m.encode()} gives the same bytes back (except flag or critical bits
 * the RFC says to ignore). Encrypted messages round-trip through {@code encode(keys, random)}.
 */
public record IkeMessage(IkeHeader header, boolean encrypted, List<IkePayload> payloads) {

    public IkeMessage {
        payloads = List.copyOf(payloads);
    }

    public static IkeMessage plain(final IkeHeader header, final List<? extends IkePayload> payloads) {
        return new IkeMessage(header, false, List.copyOf(payloads));
    }

    public static IkeMessage protectedBySk(final IkeHeader header, final List<? extends IkePayload> payloads) {
        return new IkeMessage(header, true, List.copyOf(payloads));
    }

    /** Decodes a datagram that must not be encrypted (no IKE SA keys yet, e.g. IKE_SA_INIT). */
    public static IkeDecodeResult decode(final byte[] datagram) {
        return MessageDecoder.decode(datagram, Optional.empty());
    }

    /**
     * Decodes a datagram of an IKE SA whose keys are known; SK/SKF content is authenticated and decrypted, and a
     * clear-text message is an unprotected error.
     */
    public static IkeDecodeResult decode(final byte[] datagram, final SkKeys keys) {
        return MessageDecoder.decode(datagram, Optional.of(keys));
    }

    /** Joins the authenticated fragments of one message (any order, each number exactly once, RFC 7383 §2.6). */
    public static IkeDecodeResult reassemble(final List<IkeDecodeResult.Fragment> fragments) {
        return MessageDecoder.reassemble(fragments);
    }

    /** The clear-text encoding; an encrypted message needs {@link #encode(SkKeys, SecureRandom)}. */
    public byte[] encode() {
        if (encrypted) {
            throw new IllegalStateException("an encrypted message is encoded with the IKE SA's keys");
        }
        return MessageEncoder.plain(this);
    }

    /** The message in one SK payload, with IVs from {@code random}. */
    public byte[] encode(final SkKeys keys, final SecureRandom random) {
        requireEncrypted();
        return MessageEncoder.protectedBySk(this, keys, random);
    }

    /**
     * The message in SKF fragments (RFC 7383) of at most {@code maxDatagram} bytes each (IKE header
     * included, IP and UDP headers excluded), or one SK message when it fits.
     */
    public List<byte[]> encodeFragments(final SkKeys keys, final SecureRandom random, final int maxDatagram) {
        requireEncrypted();
        return MessageEncoder.fragments(this, keys, random, maxDatagram);
    }

    private void requireEncrypted() {
        if (!encrypted) {
            throw new IllegalStateException("a clear-text message (" + header + ") is encoded without keys");
        }
    }

    public <T extends IkePayload> List<T> payloads(final Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends IkePayload> Optional<T> first(final Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public Optional<NotifyPayload> findNotify(final NotifyType type) {
        return payloads(NotifyPayload.class).stream().filter(n -> n.notifyType().equals(type)).findFirst();
    }
}

package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.wire.Bytes;

import java.util.Optional;

/**
 * Every outcome of decoding a datagram, so callers switch over them instead of catching exceptions
 * (the Android IKE library's model).
 */
public sealed interface IkeDecodeResult {

    /** A whole message; {@link IkeMessage#encrypted()} says whether it arrived inside an authenticated SK. */
    record Ok(IkeMessage message) implements IkeDecodeResult {
    }

    /**
     * One authenticated SKF fragment (RFC 7383): its decrypted inner bytes, to be collected until all
     * {@code totalFragments} are present and then passed to {@link IkeMessage#reassemble}.
     */
    record Fragment(IkeHeader header, int fragmentNumber, int totalFragments, PayloadType firstInnerPayload,
                    Bytes plaintext) implements IkeDecodeResult {
    }

    /**
     * The message authenticated but its protected content is wrong; a request gets {@code answer} back,
     * inside SK (RFC 7296 §2.21.2). For a response nothing is sent.
     */
    record ProtectedError(IkeHeader header, NotifyPayload answer, String reason) implements IkeDecodeResult {
        public NotifyType notifyType() {
            return answer.notifyType();
        }
    }

    /**
     * The datagram could not be authenticated or parsed in the clear. With an {@code answer}, the RFC allows an
     * unprotected error answer (INVALID_SYNTAX or UNSUPPORTED_CRITICAL_PAYLOAD in IKE_SA_INIT,
     * INVALID_MAJOR_VERSION); without one (failed integrity, wrong keys) the datagram is dropped silently
     * (RFC 7296 §2.21.1). The header is absent when not even 28 bytes arrived.
     */
    record UnprotectedError(Optional<IkeHeader> header, Optional<NotifyPayload> answer, String reason)
            implements IkeDecodeResult {
    }
}

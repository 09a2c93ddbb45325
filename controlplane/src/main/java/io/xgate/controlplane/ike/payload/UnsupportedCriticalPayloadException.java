package io.xgate.controlplane.ike.payload;

/**
 * A payload type we do not know arrived with the critical bit set: the message must be rejected and the
 * answer is UNSUPPORTED_CRITICAL_PAYLOAD carrying the one-octet type (RFC 7296 §2.5, §3.2).
 */
public final class UnsupportedCriticalPayloadException extends Exception {
    private final int payloadType;

    public UnsupportedCriticalPayloadException(final int payloadType) {
        super("unsupported critical payload " + payloadType, null, false, false);
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }
}

package io.xgate.controlplane.ike.crypto;

/**
 * The peer's KE value is not a valid public value of the group (wrong length, outside 1 < y < p-1, not on
 * the curve, or an all-zero X25519 result); RFC 6989 and RFC 8031 §2 say to abort the exchange.
 */
public final class InvalidKeyExchangeException extends Exception {
    public InvalidKeyExchangeException(final String message) {
        super(message, null, false, false);
    }
}

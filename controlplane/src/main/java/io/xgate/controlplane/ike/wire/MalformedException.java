package io.xgate.controlplane.ike.wire;

/**
 * Input that does not parse: a length that lies, a count that does not fit, a reserved value. Checked, so
 * every decoder states that it can fail, and {@code IkeMessage.decode} turns it into a result rather than
 * letting it escape. The message is about structure only and never quotes key material.
 */
public final class MalformedException extends Exception {
    public MalformedException(final String message) {
        super(message, null, false, false);
    }
}

package io.xgate.linux.libcrypto;

/** A libcrypto call that returned failure, with the messages OpenSSL queued for this thread. */
public final class LibCryptoException extends Exception {
    LibCryptoException(final String call, final String errors) {
        super(call + " failed" + (errors.isEmpty() ? "" : ": " + errors));
    }
}

package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.config.Secret;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.wire.Bytes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** Shared Key MIC (RFC 7296 §2.15): AUTH = prf( prf(Shared Secret, "Key Pad for IKEv2"), SignedOctets ). */
public final class PskAuthentication {
    /** 17 ASCII characters, no terminating NUL. */
    private static final byte[] KEY_PAD = "Key Pad for IKEv2".getBytes(StandardCharsets.US_ASCII);

    private PskAuthentication() {
    }

    public static AuthPayload sign(final Prf prf, final Secret sharedSecret, final Bytes signedOctets) {
        return new AuthPayload(AuthPayload.SHARED_KEY_MIC, Bytes.of(mic(prf, sharedSecret, signedOctets)));
    }

    /** Constant-time comparison, so the check is not a timing oracle for the expected MIC. */
    public static boolean verify(final Prf prf, final Secret sharedSecret, final Bytes signedOctets,
                                 final AuthPayload auth) {
        return auth.method() == AuthPayload.SHARED_KEY_MIC
            && MessageDigest.isEqual(mic(prf, sharedSecret, signedOctets), auth.data().toArray());
    }

    private static byte[] mic(final Prf prf, final Secret sharedSecret, final Bytes signedOctets) {
        final byte[] psk = sharedSecret.bytes();
        final byte[] padded = prf.compute(psk, KEY_PAD);
        Arrays.fill(psk, (byte) 0);
        final byte[] mic = prf.compute(padded, signedOctets.toArray());
        Arrays.fill(padded, (byte) 0);
        return mic;
    }
}

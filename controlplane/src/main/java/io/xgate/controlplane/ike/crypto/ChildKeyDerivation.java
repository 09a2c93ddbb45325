package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;

import java.util.Optional;

/**
 * Child SA KEYMAT (RFC 7296 §2.17): prf+(SK_d, Ni | Nr), or prf+(SK_d, g^ir (new) | Ni | Nr) with PFS.
 * Keys for initiator-to-responder traffic come first, and within a direction the encryption key precedes
 * the integrity key.
 */
public final class ChildKeyDerivation {
    private ChildKeyDerivation() {
    }

    public static ChildSaKeys derive(final Prf prf, final KeyMaterial skD, final Optional<KeyMaterial> pfsSharedSecret,
                                     final Bytes ni, final Bytes nr, final Encryption encryption,
                                     final IntegrityTransform integrity) {
        final byte[] dh = pfsSharedSecret.map(KeyMaterial::bytes).orElse(new byte[0]);
        final byte[] nonces = Bytes.concat(ni, nr).toArray();
        final byte[] seed = new byte[dh.length + nonces.length];
        System.arraycopy(dh, 0, seed, 0, dh.length);
        System.arraycopy(nonces, 0, seed, dh.length, nonces.length);
        final int enc = encryption.keyLength();
        final int integ = integrity.keyLength();
        final KeyMaterial stream = KeyMaterial.wrap(PrfPlus.expand(prf, skD.bytes(), seed, 2 * (enc + integ)));
        final KeyCursor keys = new KeyCursor(stream);
        final ChildSaKeys result = new ChildSaKeys(keys.next(enc), keys.next(integ), keys.next(enc), keys.next(integ));
        stream.wipe();
        java.util.Arrays.fill(seed, (byte) 0);
        return result;
    }
}

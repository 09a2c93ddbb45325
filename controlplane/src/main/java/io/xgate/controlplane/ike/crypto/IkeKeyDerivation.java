package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;

import java.nio.ByteBuffer;

/** IKE SA key derivation: SKEYSEED and SK_* (RFC 7296 §2.14), and SKEYSEED when rekeying the IKE SA (§2.18). */
public final class IkeKeyDerivation {
    private IkeKeyDerivation() {
    }

    /** SKEYSEED = prf(Ni | Nr, g^ir). */
    public static KeyMaterial skeyseed(final Prf prf, final Bytes ni, final Bytes nr, final KeyMaterial sharedSecret) {
        return KeyMaterial.wrap(prf.compute(Bytes.concat(ni, nr).toArray(), sharedSecret.bytes()));
    }

    /** SKEYSEED for a rekeyed IKE SA = prf(SK_d (old), g^ir (new) | Ni | Nr), with the old SA's PRF. */
    public static KeyMaterial rekeySkeyseed(final Prf oldPrf, final KeyMaterial oldSkD, final KeyMaterial sharedSecret,
                                            final Bytes ni, final Bytes nr) {
        return KeyMaterial.wrap(oldPrf.compute(oldSkD.bytes(), sharedSecret.bytes(), ni.toArray(), nr.toArray()));
    }

    /** {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr). */
    public static IkeSaSecrets derive(final IkeSuite suite, final KeyMaterial skeyseed, final Bytes ni, final Bytes nr,
                                      final long spiI, final long spiR) {
        final int prfLength = suite.prf().outputLength();
        final int integLength = suite.integrity().keyLength();
        final int encLength = suite.encryption().keyLength();
        final byte[] seed = Bytes.concat(ni, nr,
            Bytes.of(ByteBuffer.allocate(16).putLong(spiI).putLong(spiR).array())).toArray();
        final KeyMaterial stream = KeyMaterial.wrap(PrfPlus.expand(suite.prf(), skeyseed.bytes(), seed,
            3 * prfLength + 2 * integLength + 2 * encLength));
        final KeyCursor keys = new KeyCursor(stream);
        final IkeSaSecrets secrets = new IkeSaSecrets(keys.next(prfLength), keys.next(integLength),
            keys.next(integLength), keys.next(encLength), keys.next(encLength), keys.next(prfLength),
            keys.next(prfLength));
        stream.wipe();
        return secrets;
    }
}

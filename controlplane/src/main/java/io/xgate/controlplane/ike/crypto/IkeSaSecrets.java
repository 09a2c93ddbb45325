package io.xgate.controlplane.ike.crypto;

/**
 * The seven IKE SA keys of RFC 7296 §2.14, in the order prf+ produces them. SK_d derives child SA keys,
 * SK_a/SK_e protect SK payloads (i: sent by the initiator), SK_p feed the AUTH payloads.
 * Printing shows lengths only.
 */
public record IkeSaSecrets(KeyMaterial skD, KeyMaterial skAi, KeyMaterial skAr, KeyMaterial skEi,
                           KeyMaterial skEr, KeyMaterial skPi, KeyMaterial skPr) {

    /** Wipes every key, e.g. once the IKE SA is deleted. */
    public void wipe() {
        for (final KeyMaterial key : new KeyMaterial[] {skD, skAi, skAr, skEi, skEr, skPi, skPr}) {
            key.wipe();
        }
    }

    @Override
    public String toString() {
        return "IkeSaSecrets[SK_d/ai/ar/ei/er/pi/pr: " + skD.length() + "/" + skAi.length() + "/" + skAr.length()
            + "/" + skEi.length() + "/" + skEr.length() + "/" + skPi.length() + "/" + skPr.length() + " bytes]";
    }
}

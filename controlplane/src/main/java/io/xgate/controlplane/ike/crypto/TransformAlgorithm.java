package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Transform;

/** A typed transform ID (IANA "IKEv2 Transform Type n - ... Transform IDs") with its config-style name. */
public interface TransformAlgorithm {
    /** {@link Transform#ENCR}, {@link Transform#PRF}, ... */
    int transformType();

    /** The IANA transform ID. */
    int id();

    /** The name an admin reads in explanations: {@code sha256}, {@code group19}, {@code esn}. */
    String configName();

    default Transform transform() {
        return Transform.of(transformType(), id());
    }
}

package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Transform;

import java.util.Optional;

/** Extended Sequence Numbers (Transform Type 5, RFC 7296 §3.3.2): required in every ESP/AH proposal. */
public enum EsnTransform implements TransformAlgorithm {
    NO_ESN(0, "no-esn"), ESN(1, "esn");

    private final int id;
    private final String configName;

    EsnTransform(final int id, final String configName) {
        this.id = id;
        this.configName = configName;
    }

    public static Optional<EsnTransform> of(final int id) {
        return id == 0 ? Optional.of(NO_ESN) : id == 1 ? Optional.of(ESN) : Optional.empty();
    }

    @Override
    public int transformType() {
        return Transform.ESN;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String configName() {
        return configName;
    }
}

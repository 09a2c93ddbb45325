package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.crypto.EsnTransform;
import io.xgate.controlplane.ike.crypto.IntegrityTransform;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.TransformAlgorithm;
import io.xgate.controlplane.ike.payload.Transform;

import java.util.Optional;

/** Config-style names of wire transforms ({@code aes-256-gcm}, {@code sha1}, {@code group19}), for explanations. */
final class TransformNames {
    private TransformNames() {
    }

    static Optional<? extends TransformAlgorithm> typed(final Transform t) {
        return switch (t.transformType()) {
            case Transform.ENCR -> Encryption.of(t);
            case Transform.PRF -> t.attributes().isEmpty() ? Prf.of(t.transformId()) : Optional.empty();
            case Transform.INTEG -> t.attributes().isEmpty() ? IntegrityTransform.of(t.transformId()) : Optional.empty();
            case Transform.KE -> t.attributes().isEmpty() ? KeyExchangeGroup.of(t.transformId()) : Optional.empty();
            case Transform.ESN -> t.attributes().isEmpty() ? EsnTransform.of(t.transformId()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The config name, or e.g. {@code encr#23} for a transform xgate does not implement. */
    static String name(final Transform t) {
        return typed(t).<String>map(TransformAlgorithm::configName)
            .orElseGet(() -> typeName(t.transformType()) + "#" + t.transformId()
                + t.keyLength().stream().mapToObj(bits -> "/" + bits).findFirst().orElse(""));
    }

    static String typeName(final int transformType) {
        return switch (transformType) {
            case Transform.ENCR -> "encr";
            case Transform.PRF -> "prf";
            case Transform.INTEG -> "integ";
            case Transform.KE -> "dh-group";
            case Transform.ESN -> "esn";
            default -> "transform-type-" + transformType;
        };
    }
}

package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.ike.crypto.ChildSuite;
import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.crypto.EsnTransform;
import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.IntegrityTransform;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Transform;

import java.util.List;
import java.util.Optional;

/** Typed suites from a chosen proposal (one transform per type); empty when it is not usable. */
public final class NegotiatedSuites {
    private NegotiatedSuites() {
    }

    public static Optional<IkeSuite> ike(final Proposal chosen) {
        final Optional<Encryption> encryption = single(chosen, Transform.ENCR).flatMap(Encryption::of);
        final Optional<Prf> prf = single(chosen, Transform.PRF).flatMap(t -> Prf.of(t.transformId()));
        final Optional<KeyExchangeGroup> group = single(chosen, Transform.KE)
            .flatMap(t -> KeyExchangeGroup.of(t.transformId()));
        final Optional<IntegrityTransform> integrity = integrity(chosen);
        if (encryption.isEmpty() || prf.isEmpty() || group.isEmpty() || integrity.isEmpty()
            || !encryption.get().algorithm().protectsIke()
            || encryption.get().algorithm().isAead() != (integrity.get() == IntegrityTransform.NONE)) {
            return Optional.empty();
        }
        return Optional.of(new IkeSuite(encryption.get(), prf.get(), integrity.get(), group.get()));
    }

    /** ESP only: an AH proposal has no cipher and gives empty. */
    public static Optional<ChildSuite> child(final Proposal chosen) {
        final Optional<Encryption> encryption = single(chosen, Transform.ENCR).flatMap(Encryption::of);
        final Optional<IntegrityTransform> integrity = integrity(chosen);
        final Optional<EsnTransform> esn = single(chosen, Transform.ESN).flatMap(t -> EsnTransform.of(t.transformId()));
        final List<Transform> ke = chosen.transformsOfType(Transform.KE);
        final Optional<KeyExchangeGroup> group = ke.isEmpty() ? Optional.empty()
            : KeyExchangeGroup.of(ke.getFirst().transformId());
        if (encryption.isEmpty() || integrity.isEmpty() || esn.isEmpty() || ke.size() > 1
            || (!ke.isEmpty() && group.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new ChildSuite(encryption.get(), integrity.get(), esn.get(), group));
    }

    private static Optional<IntegrityTransform> integrity(final Proposal chosen) {
        final List<Transform> integ = chosen.transformsOfType(Transform.INTEG);
        return integ.isEmpty() ? Optional.of(IntegrityTransform.NONE)
            : integ.size() == 1 ? IntegrityTransform.of(integ.getFirst().transformId()) : Optional.empty();
    }

    private static Optional<Transform> single(final Proposal chosen, final int type) {
        final List<Transform> transforms = chosen.transformsOfType(type);
        return transforms.size() == 1 ? Optional.of(transforms.getFirst()) : Optional.empty();
    }
}

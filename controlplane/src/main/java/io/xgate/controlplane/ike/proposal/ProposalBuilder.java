package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.config.IkeCryptoProfile;
import io.xgate.controlplane.config.IpsecCryptoProfile;
import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.crypto.EsnTransform;
import io.xgate.controlplane.ike.crypto.IntegrityTransform;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.TransformAlgorithm;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.SecurityProtocol;
import io.xgate.controlplane.ike.payload.Transform;
import io.xgate.controlplane.ike.wire.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our SA proposals from a crypto profile. AEAD and non-AEAD ciphers go in separate proposals, since an AEAD
 * proposal must not offer integrity algorithms (RFC 5282 §8); the proposal of the profile's first cipher
 * comes first, and every list keeps the profile's order, which is our preference.
 */
public final class ProposalBuilder {
    /** The PRF of an AEAD-only IKE profile whose hash list is just {@code non-auth}: GCM still needs a PRF. */
    public static final Prf DEFAULT_AEAD_PRF = Prf.HMAC_SHA2_256;

    private ProposalBuilder() {
    }

    /** IKE SA proposals; {@code spi} is empty in IKE_SA_INIT and our new SPI when rekeying the IKE SA. */
    public static List<Proposal> ike(final IkeCryptoProfile profile, final Bytes spi) {
        final List<Encryption> ciphers = profile.encryption().stream().map(ConfigTransforms::encryption).toList();
        final List<Prf> prfs = present(profile.hash().stream().map(ConfigTransforms::prf).toList());
        final List<IntegrityTransform> integrity = present(profile.hash().stream().map(ConfigTransforms::integrity).toList());
        final List<KeyExchangeGroup> groups = present(profile.dhGroup().stream().map(ConfigTransforms::group).toList());
        final List<List<TransformAlgorithm>> shapes = new ArrayList<>();
        for (final boolean aead : order(ciphers)) {
            final List<TransformAlgorithm> transforms = new ArrayList<>(ciphers.stream()
                .filter(c -> c.algorithm().isAead() == aead).toList());
            transforms.addAll(prfs.isEmpty() && aead ? List.of(DEFAULT_AEAD_PRF) : prfs);
            if (!aead) {
                if (integrity.isEmpty()) {
                    continue;
                }
                transforms.addAll(integrity);
            }
            transforms.addAll(groups);
            shapes.add(transforms);
        }
        return number(SecurityProtocol.IKE, spi, shapes);
    }

    /**
     * ESP (or AH) proposals for a child SA with our inbound {@code spi}. Groups are offered only when
     * {@code withKeyExchange} (CREATE_CHILD_SA with PFS): the child SA of IKE_AUTH has no KE payload.
     * ESN and no-ESN are both offered, no-ESN first (what PAN-OS peers expect), so either is accepted.
     */
    public static List<Proposal> child(final IpsecCryptoProfile profile, final Bytes spi, final boolean withKeyExchange) {
        final List<TransformAlgorithm> tail = new ArrayList<>(List.of(EsnTransform.NO_ESN, EsnTransform.ESN));
        if (withKeyExchange) {
            ConfigTransforms.group(profile.dhGroup()).ifPresent(tail::add);
        }
        final List<List<TransformAlgorithm>> shapes = new ArrayList<>();
        final SecurityProtocol protocol;
        switch (profile.protocol()) {
            case IpsecCryptoProfile.Esp esp -> {
                protocol = SecurityProtocol.ESP;
                final List<Encryption> ciphers = esp.encryption().stream().map(ConfigTransforms::encryption).toList();
                final List<IntegrityTransform> integrity = esp.authentication().stream()
                    .map(ConfigTransforms::integrity).filter(t -> t != IntegrityTransform.NONE).toList();
                for (final boolean aead : order(ciphers)) {
                    final List<TransformAlgorithm> transforms = new ArrayList<>(ciphers.stream()
                        .filter(c -> c.algorithm().isAead() == aead).toList());
                    if (!aead) {
                        if (integrity.isEmpty()) {
                            continue;
                        }
                        transforms.addAll(integrity);
                    }
                    transforms.addAll(tail);
                    shapes.add(transforms);
                }
            }
            case IpsecCryptoProfile.Ah ah -> {
                protocol = SecurityProtocol.AH;
                final List<TransformAlgorithm> transforms = new ArrayList<>(ah.authentication().stream()
                    .map(ConfigTransforms::integrity).filter(t -> t != IntegrityTransform.NONE).toList());
                transforms.addAll(tail);
                shapes.add(transforms);
            }
        }
        return number(protocol, spi, shapes);
    }

    /** AEAD-first or CBC-first, following the profile's first cipher. */
    private static List<Boolean> order(final List<Encryption> ciphers) {
        final boolean aeadFirst = !ciphers.isEmpty() && ciphers.getFirst().algorithm().isAead();
        return List.of(aeadFirst, !aeadFirst).stream()
            .filter(aead -> ciphers.stream().anyMatch(c -> c.algorithm().isAead() == aead)).toList();
    }

    private static <T> List<T> present(final List<Optional<T>> values) {
        return values.stream().flatMap(Optional::stream).distinct().toList();
    }

    private static List<Proposal> number(final SecurityProtocol protocol, final Bytes spi,
                                         final List<List<TransformAlgorithm>> shapes) {
        final List<Proposal> proposals = new ArrayList<>();
        for (final List<TransformAlgorithm> shape : shapes) {
            final List<Transform> transforms = shape.stream().map(TransformAlgorithm::transform).toList();
            proposals.add(new Proposal(proposals.size() + 1, protocol, spi, transforms));
        }
        return proposals;
    }
}

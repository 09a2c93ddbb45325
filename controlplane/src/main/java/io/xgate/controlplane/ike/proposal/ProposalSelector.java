package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;


/**
 * Responder-side proposal selection (RFC 7296 §2.7, §3.3.6). A peer proposal matches one of ours when both
 * have the same protocol and the same transform types and every type has a transform in common (same ID,
 * same attributes); integrity may be absent on either side when the chosen cipher is AEAD. Transforms with
 * attributes we do not know are never selected.
 *
 * <p>{@link Preference#OURS} (the default, as strongSwan's {@code prefer_configured_proposals}) walks our
 * proposals and our transform order first, so the admin's profile order decides; {@link Preference#PEER}
 * takes the first acceptable proposal in the peer's order and the peer's transform order, as RFC 7296
 * suggests a responder may.
 */
public final class ProposalSelector {
    private static final int[] TYPES = {Transform.ENCR, Transform.PRF, Transform.INTEG, Transform.KE, Transform.ESN};

    public enum Preference { OURS, PEER }

    private ProposalSelector() {
    }

    public static Selection select(final List<Proposal> ours, final List<Proposal> peers) {
        return select(ours, peers, Preference.OURS);
    }

    public static Selection select(final List<Proposal> ours, final List<Proposal> peers, final Preference preference) {
        final List<Proposal> outer = preference == Preference.OURS ? ours : peers;
        final List<Proposal> inner = preference == Preference.OURS ? peers : ours;
        for (final Proposal first : outer) {
            for (final Proposal second : inner) {
                final Proposal peer = preference == Preference.OURS ? second : first;
                final Optional<Proposal> chosen = match(first, second, peer);
                if (chosen.isPresent()) {
                    return new Selection.Chosen(chosen.get());
                }
            }
        }
        return new Selection.NoProposalChosen("NO_PROPOSAL_CHOSEN: we offered " + ProposalDescription.describe(ours)
            + ", peer offered " + ProposalDescription.describe(peers) + ProposalDescription.hiddenMismatch(ours, peers));
    }

    /**
     * True when a responder's single-transform-per-type proposal is one we could have chosen from our offer
     * (the initiator's check of the answer).
     */
    public static boolean isAcceptableAnswer(final List<Proposal> ours, final Proposal answer) {
        for (final int type : TYPES) {
            if (answer.transformsOfType(type).size() > 1) {
                return false;
            }
        }
        return select(ours, List.of(answer), Preference.OURS) instanceof Selection.Chosen chosen
            && new HashSet<>(chosen.proposal().transforms()).equals(new HashSet<>(answer.transforms()));
    }

    /** Matches {@code preferred} against {@code other}, picking transforms in {@code preferred}'s order. */
    private static Optional<Proposal> match(final Proposal preferred, final Proposal other, final Proposal peer) {
        if (!preferred.protocol().equals(other.protocol())) {
            return Optional.empty();
        }
        final List<Transform> chosen = new ArrayList<>();
        boolean aead = false;
        for (final int type : TYPES) {
            final List<Transform> a = preferred.transformsOfType(type);
            final List<Transform> b = other.transformsOfType(type);
            if (a.isEmpty() && b.isEmpty()) {
                continue;
            }
            if (type == Transform.INTEG && aead && (onlyNone(a) || onlyNone(b))) {
                continue;
            }
            final Optional<Transform> common = a.stream().filter(Transform::hasOnlyKnownAttributes)
                .filter(b::contains).findFirst();
            if (common.isEmpty()) {
                return Optional.empty();
            }
            if (type == Transform.ENCR) {
                aead = Encryption.of(common.get()).map(e -> e.algorithm().isAead()).orElse(false);
            }
            chosen.add(common.get());
        }
        return Optional.of(new Proposal(peer.number(), peer.protocol(), peer.spi(), chosen));
    }

    /** No integrity transform, or only NONE (id 0), both of which mean "none" next to an AEAD cipher. */
    private static boolean onlyNone(final List<Transform> integrity) {
        return integrity.stream().allMatch(t -> t.transformId() == 0);
    }
}

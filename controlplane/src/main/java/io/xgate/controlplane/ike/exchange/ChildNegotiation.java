package io.xgate.controlplane.ike.exchange;

import io.xgate.controlplane.ike.crypto.ChildSuite;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.payload.TrafficSelector;
import io.xgate.controlplane.ike.payload.TsPayload;
import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.proposal.NegotiatedSuites;
import io.xgate.controlplane.ike.proposal.ProposalDescription;
import io.xgate.controlplane.ike.proposal.ProposalBuilder;
import io.xgate.controlplane.ike.proposal.ProposalSelector;
import io.xgate.controlplane.ike.proposal.Selection;
import io.xgate.controlplane.ike.ts.Narrowing;
import io.xgate.controlplane.ike.ts.TrafficSelectors;
import io.xgate.controlplane.ike.ts.TsNarrowing;
import io.xgate.controlplane.ike.wire.Bytes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Child SA negotiation shared by IKE_AUTH and CREATE_CHILD_SA. As responder: the first of our proxy IDs whose
 * selectors overlap the peer's wins (so each proxy ID becomes its own child SA), then its crypto profile must
 * share a proposal with the peer. As initiator: the responder's answer must be one of our proposals and
 * selectors inside ours.
 */
public final class ChildNegotiation {
    private static final int SPI_LENGTH = 4;

    private ChildNegotiation() {
    }

    /** Our proposals for {@code policy}, with our inbound SPI; a PFS group only in CREATE_CHILD_SA. */
    public static List<Proposal> proposals(final ChildPolicy policy, final int inboundSpi, final boolean withKeyExchange) {
        return ProposalBuilder.child(policy.profile(), spi(inboundSpi), withKeyExchange);
    }

    /** Our TSi and TSr for {@code policy} as the exchange's initiator. */
    public static List<TsPayload> selectors(final ChildPolicy policy) {
        final TrafficSelectors.Pair pair = TrafficSelectors.of(policy.proxyId());
        return List.of(new TsPayload(Role.INITIATOR, List.of(pair.local())),
            new TsPayload(Role.RESPONDER, List.of(pair.remote())));
    }

    public static ChildOffer respond(final List<ChildPolicy> candidates, final SaPayload sa, final TsPayload tsi,
                                     final TsPayload tsr, final int inboundSpi, final boolean withKeyExchange) {
        final List<String> unacceptable = new ArrayList<>();
        for (final ChildPolicy candidate : candidates) {
            final Narrowing narrowing = TsNarrowing.narrow(candidate.proxyId(), tsi, tsr);
            if (narrowing instanceof Narrowing.Unacceptable u) {
                unacceptable.add(u.explanation());
                continue;
            }
            final Narrowing.Narrowed narrowed = (Narrowing.Narrowed) narrowing;
            final List<Proposal> ours = proposals(candidate, inboundSpi, withKeyExchange);
            final Selection selection = ProposalSelector.select(ours, sa.proposals());
            if (selection instanceof Selection.NoProposalChosen none) {
                return new ChildOffer.Rejected(NotifyType.NO_PROPOSAL_CHOSEN,
                    none.explanation() + " (child SA " + candidate.name() + ")");
            }
            final Proposal chosen = ((Selection.Chosen) selection).proposal();
            final Optional<ChildSuite> suite = NegotiatedSuites.child(chosen);
            if (suite.isEmpty() || suite.get().encryption().dataplane().isEmpty() || chosen.spi().length() != SPI_LENGTH) {
                return new ChildOffer.Rejected(NotifyType.NO_PROPOSAL_CHOSEN, "NO_PROPOSAL_CHOSEN: child SA "
                    + candidate.name() + ": the data plane cannot run the chosen " + ProposalDescription.describe(chosen));
            }
            return new ChildOffer.Accepted(candidate, chosen.withSpi(spi(inboundSpi)), suite.get(), spiValue(chosen.spi()),
                narrowed.tsi(), narrowed.tsr());
        }
        return new ChildOffer.Rejected(NotifyType.TS_UNACCEPTABLE, String.join("; ", unacceptable));
    }

    /** The responder's answer checked against what we offered; the explanation when it is not acceptable. */
    public static Optional<String> checkAnswer(final ChildPolicy policy, final List<Proposal> offered, final SaPayload answer,
                                               final TsPayload tsi, final TsPayload tsr) {
        final Proposal chosen = answer.proposals().getFirst();
        if (answer.proposals().size() != 1 || !ProposalSelector.isAcceptableAnswer(offered, chosen)
            || NegotiatedSuites.child(chosen).isEmpty() || chosen.spi().length() != SPI_LENGTH) {
            return Optional.of("child SA " + policy.name() + ": the peer answered with " + ProposalDescription.describe(chosen)
                + ", which we did not offer");
        }
        final List<TsPayload> ours = selectors(policy);
        if (!within(tsi, ours.get(0)) || !within(tsr, ours.get(1))) {
            return Optional.of("TS_UNACCEPTABLE: child SA " + policy.name() + ": the peer narrowed to selectors outside ours");
        }
        return Optional.empty();
    }

    private static boolean within(final TsPayload answer, final TsPayload ours) {
        for (final TrafficSelector selector : answer.selectors()) {
            final boolean inside = ours.selectors().stream()
                .anyMatch(o -> TrafficSelectors.intersect(o, selector).filter(selector::equals).isPresent());
            if (!inside) {
                return false;
            }
        }
        return true;
    }

    public static Bytes spi(final int value) {
        return Bytes.of(ByteBuffer.allocate(SPI_LENGTH).putInt(value).array());
    }

    public static int spiValue(final Bytes spi) {
        return ByteBuffer.wrap(spi.toArray()).getInt();
    }
}

package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Transform;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One-line summaries of proposals in the config's words: {@code encryption[-integrity]/groups}, e.g.
 * {@code aes-128-cbc-sha1/group2}; alternatives of one type are joined with ',', proposals with " or ".
 * PRF and ESN are not in the summary (they follow the profile's hash and are rarely the difference);
 * {@link #hiddenMismatch} names them when they alone explain a failure.
 */
public final class ProposalDescription {
    private static final int[] VISIBLE = {Transform.ENCR, Transform.INTEG, Transform.KE};
    private static final int[] HIDDEN = {Transform.PRF, Transform.ESN};

    private ProposalDescription() {
    }

    public static String describe(final List<Proposal> proposals) {
        return proposals.stream().map(ProposalDescription::describe).collect(Collectors.joining(" or "));
    }

    public static String describe(final Proposal proposal) {
        final String encryption = names(proposal, Transform.ENCR);
        final Set<String> integrity = namesOf(proposal, Transform.INTEG);
        integrity.remove("none");
        final String groups = names(proposal, Transform.KE);
        return encryption + (integrity.isEmpty() ? "" : "-" + String.join(",", integrity))
            + (groups.isEmpty() ? "" : "/" + groups);
    }

    /**
     * {@code " (no common prf: we sha256, peer sha1)"} when every type in the summaries has something in
     * common but PRF or ESN does not; empty otherwise.
     */
    static String hiddenMismatch(final List<Proposal> ours, final List<Proposal> peers) {
        for (final int type : VISIBLE) {
            final Set<String> common = union(ours, type);
            final Set<String> theirs = union(peers, type);
            if (!common.isEmpty() && !theirs.isEmpty() && !common.removeAll(theirs)) {
                return "";
            }
        }
        final StringBuilder out = new StringBuilder();
        for (final int type : HIDDEN) {
            final Set<String> our = union(ours, type);
            final Set<String> their = union(peers, type);
            final Set<String> shared = new LinkedHashSet<>(our);
            shared.retainAll(their);
            if (shared.isEmpty() && !(our.isEmpty() && their.isEmpty())) {
                out.append(" (no common ").append(TransformNames.typeName(type)).append(": we ")
                    .append(String.join(",", our)).append(", peer ").append(String.join(",", their)).append(')');
            }
        }
        return out.toString();
    }

    private static Set<String> union(final List<Proposal> proposals, final int type) {
        final Set<String> names = new LinkedHashSet<>();
        proposals.forEach(p -> names.addAll(namesOf(p, type)));
        return names;
    }

    private static Set<String> namesOf(final Proposal proposal, final int type) {
        return proposal.transformsOfType(type).stream().map(TransformNames::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String names(final Proposal proposal, final int type) {
        return String.join(",", namesOf(proposal, type));
    }
}

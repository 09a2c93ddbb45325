package io.xgate.controlplane.ike.ts;

import io.xgate.controlplane.config.ProxyId;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.payload.TrafficSelector;
import io.xgate.controlplane.ike.payload.TsPayload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Responder-side narrowing (RFC 7296 §2.9): the answer's TSi is what the initiator's TSi and our remote side
 * both allow, its TSr what the initiator's TSr and our local side both allow. Each of the peer's selectors is
 * intersected with ours and the non-empty results are kept in the peer's order.
 */
public final class TsNarrowing {
    private TsNarrowing() {
    }

    public static Narrowing narrow(final ProxyId proxyId, final TsPayload peerTsi, final TsPayload peerTsr) {
        final TrafficSelectors.Pair ours = TrafficSelectors.of(proxyId);
        final List<TrafficSelector> tsi = intersect(peerTsi.selectors(), ours.remote());
        final List<TrafficSelector> tsr = intersect(peerTsr.selectors(), ours.local());
        if (tsi.isEmpty() || tsr.isEmpty()) {
            return new Narrowing.Unacceptable("TS_UNACCEPTABLE: proxy-id "
                + (proxyId.name().isEmpty() ? "(route-based)" : proxyId.name()) + " "
                + describe(List.of(ours.local()), List.of(ours.remote()))
                + "; peer allows " + describe(peerTsr.selectors(), peerTsi.selectors()));
        }
        return new Narrowing.Narrowed(new TsPayload(Role.INITIATOR, tsi), new TsPayload(Role.RESPONDER, tsr));
    }

    private static List<TrafficSelector> intersect(final List<TrafficSelector> peer, final TrafficSelector ours) {
        final List<TrafficSelector> out = new ArrayList<>();
        for (final TrafficSelector selector : peer) {
            final Optional<TrafficSelector> common = TrafficSelectors.intersect(selector, ours);
            common.filter(c -> !out.contains(c)).ifPresent(out::add);
        }
        return out;
    }

    /** {@code local<->remote protocol}, from our point of view; ranges joined with ','. */
    public static String describe(final List<TrafficSelector> local, final List<TrafficSelector> remote) {
        final Set<String> protocols = new LinkedHashSet<>();
        local.forEach(ts -> protocols.add(TrafficSelectors.protocol(ts)));
        remote.forEach(ts -> protocols.add(TrafficSelectors.protocol(ts)));
        return addresses(local) + "<->" + addresses(remote) + " " + String.join(",", protocols);
    }

    private static String addresses(final List<TrafficSelector> selectors) {
        return selectors.stream().map(TrafficSelectors::addresses).collect(Collectors.joining(","));
    }
}

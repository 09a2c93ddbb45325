package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;

/** Security Association (RFC 7296 §3.3): proposals in order of preference; a response holds exactly one. */
public record SaPayload(List<Proposal> proposals) implements IkePayload {

    public SaPayload {
        proposals = List.copyOf(proposals);
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("an SA payload holds at least one proposal");
        }
    }

    public static SaPayload decode(final WireReader body) throws MalformedException {
        final List<Proposal> proposals = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = Proposal.decodeInto(body, proposals);
        }
        body.requireEnd("SA payload");
        return new SaPayload(proposals);
    }

    @Override
    public PayloadType type() {
        return PayloadType.SA;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).encode(out, i == proposals.size() - 1);
        }
    }
}

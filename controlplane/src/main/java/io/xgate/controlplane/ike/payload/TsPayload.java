package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;

/** Traffic Selectors, TSi or TSr (RFC 7296 §3.13): at least one selector. */
public record TsPayload(Role role, List<TrafficSelector> selectors) implements IkePayload {
    /** The smallest selector (IPv4) is 16 bytes; a count above what fits is rejected before reading. */
    private static final int MIN_SELECTOR = 16;

    public TsPayload {
        selectors = List.copyOf(selectors);
        if (selectors.isEmpty() || selectors.size() > 255) {
            throw new IllegalArgumentException("a TS payload holds 1..255 selectors, got " + selectors.size());
        }
    }

    public static TsPayload decode(final Role role, final WireReader body) throws MalformedException {
        final int count = body.u8("TS count");
        body.skip(3, "TS reserved");
        if (count == 0 || count * MIN_SELECTOR > body.remaining()) {
            throw new MalformedException("TS count " + count + " in " + body.remaining() + " bytes");
        }
        final List<TrafficSelector> selectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            selectors.add(TrafficSelector.decode(body));
        }
        body.requireEnd("TS payload");
        return new TsPayload(role, selectors);
    }

    @Override
    public PayloadType type() {
        return role == Role.INITIATOR ? PayloadType.TSI : PayloadType.TSR;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u8(selectors.size()).zeros(3);
        selectors.forEach(selector -> selector.encode(out));
    }
}

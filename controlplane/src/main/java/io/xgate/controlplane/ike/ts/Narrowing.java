package io.xgate.controlplane.ike.ts;

import io.xgate.controlplane.ike.payload.TsPayload;

/** What responder-side narrowing produced. */
public sealed interface Narrowing {

    /** The TSi and TSr to answer with: the intersection of the peer's offer and our proxy ID. */
    record Narrowed(TsPayload tsi, TsPayload tsr) implements Narrowing {
    }

    /** No overlap; {@code explanation} is the log line, starting with {@code TS_UNACCEPTABLE:}. */
    record Unacceptable(String explanation) implements Narrowing {
    }
}

package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.WireWriter;

/**
 * One payload of an IKE message, as an immutable record. Each record has a static {@code decode(WireReader)}
 * for its body and {@link #encodeBody}; the generic payload header (next payload, critical bit, length) is
 * written and read by {@link PayloadChain} alone. The SK and SKF containers are not payloads of a message:
 * they are how a message's payloads travel, see {@link EncryptedContainer}.
 */
public sealed interface IkePayload permits SaPayload, KePayload, IdPayload, CertPayload, CertReqPayload,
        AuthPayload, NoncePayload, NotifyPayload, DeletePayload, VendorIdPayload, TsPayload, UnrecognizedPayload {

    PayloadType type();

    /** The critical bit we send; RFC 7296 §3.2 has it clear for every payload type we understand. */
    default boolean critical() {
        return false;
    }

    void encodeBody(WireWriter out);
}

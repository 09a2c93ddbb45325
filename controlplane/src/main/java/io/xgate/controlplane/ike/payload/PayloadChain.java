package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generic payload header (RFC 7296 §3.2) shared by every payload, and the walk along the Next Payload
 * links. Each step consumes at least the 4 header bytes of a bounded window, so a chain cannot loop, and
 * an SK/SKF container must end the chain, so containers cannot nest.
 */
public final class PayloadChain {
    public static final int GENERIC_HEADER = 4;
    private static final int CRITICAL = 0x80;

    @FunctionalInterface
    private interface BodyDecoder {
        IkePayload decode(WireReader body) throws MalformedException;
    }

    private static final Map<PayloadType, BodyDecoder> DECODERS = Map.ofEntries(
        Map.entry(PayloadType.SA, SaPayload::decode),
        Map.entry(PayloadType.KE, KePayload::decode),
        Map.entry(PayloadType.IDI, body -> IdPayload.decode(Role.INITIATOR, body)),
        Map.entry(PayloadType.IDR, body -> IdPayload.decode(Role.RESPONDER, body)),
        Map.entry(PayloadType.CERT, CertPayload::decode),
        Map.entry(PayloadType.CERTREQ, CertReqPayload::decode),
        Map.entry(PayloadType.AUTH, AuthPayload::decode),
        Map.entry(PayloadType.NONCE, NoncePayload::decode),
        Map.entry(PayloadType.NOTIFY, NotifyPayload::decode),
        Map.entry(PayloadType.DELETE, DeletePayload::decode),
        Map.entry(PayloadType.VENDOR_ID, VendorIdPayload::decode),
        Map.entry(PayloadType.TSI, body -> TsPayload.decode(Role.INITIATOR, body)),
        Map.entry(PayloadType.TSR, body -> TsPayload.decode(Role.RESPONDER, body)));

    /** The payloads read, and the SK/SKF container that ended the chain, if any. */
    public record Decoded(List<IkePayload> payloads, Optional<EncryptedContainer> container) {
        public Decoded {
            payloads = List.copyOf(payloads);
        }
    }

    private PayloadChain() {
    }

    /**
     * Reads payloads from {@code first} until Next Payload is NONE, requiring the chain to fill {@code in}
     * exactly. With {@code containerAllowed} false (inside SK), SK/SKF are syntax errors.
     */
    public static Decoded decode(final PayloadType first, final WireReader in, final boolean containerAllowed)
            throws MalformedException, UnsupportedCriticalPayloadException {
        final List<IkePayload> payloads = new ArrayList<>();
        PayloadType current = first;
        while (!current.equals(PayloadType.NONE)) {
            final PayloadType next = new PayloadType(in.u8("next payload"));
            final boolean critical = (in.u8("payload flags") & CRITICAL) != 0;
            final int length = in.u16("payload length");
            if (length < GENERIC_HEADER) {
                throw new MalformedException(current + " length " + length);
            }
            final WireReader body = in.window(length - GENERIC_HEADER, current + " body");
            if (current.equals(PayloadType.SK) || current.equals(PayloadType.SKF)) {
                if (!containerAllowed) {
                    throw new MalformedException(current + " inside an encrypted payload");
                }
                in.requireEnd(current + " is not the last payload");
                return new Decoded(payloads, Optional.of(container(current, next, body)));
            }
            final BodyDecoder decoder = DECODERS.get(current);
            if (decoder != null) {
                payloads.add(decoder.decode(body));
            } else if (critical) {
                throw new UnsupportedCriticalPayloadException(current.value());
            } else {
                payloads.add(new UnrecognizedPayload(current, false, body.rest()));
            }
            current = next;
        }
        in.requireEnd("payload chain");
        return new Decoded(payloads, Optional.empty());
    }

    private static EncryptedContainer container(final PayloadType type, final PayloadType inner,
                                                final WireReader body) throws MalformedException {
        if (type.equals(PayloadType.SK)) {
            return new EncryptedContainer.Encrypted(inner, body.rest());
        }
        final int number = body.u16("fragment number");
        final int total = body.u16("total fragments");
        if (number < 1 || number > total) {
            throw new MalformedException("fragment " + number + " of " + total);
        }
        return new EncryptedContainer.Fragment(inner, number, total, body.rest());
    }

    /** The Next Payload value announcing {@code payloads}: the first one's type, or NONE. */
    public static PayloadType firstType(final List<? extends IkePayload> payloads) {
        return payloads.isEmpty() ? PayloadType.NONE : payloads.getFirst().type();
    }

    /** Writes the payloads, each header naming the following payload; the last names {@code afterLast}. */
    public static void encode(final List<? extends IkePayload> payloads, final PayloadType afterLast,
                              final WireWriter out) {
        for (int i = 0; i < payloads.size(); i++) {
            final IkePayload payload = payloads.get(i);
            final PayloadType next = i + 1 < payloads.size() ? payloads.get(i + 1).type() : afterLast;
            final int start = out.size();
            out.u8(next.value()).u8(payload.critical() ? CRITICAL : 0).u16(0);
            payload.encodeBody(out);
            out.patchU16(start + 2, out.size() - start);
        }
    }
}

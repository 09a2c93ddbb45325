package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.exchange.ChildNegotiation;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeHeader;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.DeletePayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.SecurityProtocol;
import io.xgate.controlplane.ike.wire.Bytes;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * INFORMATIONAL (RFC 7296 §1.4, §1.5): deletes of child SAs and of the IKE SA both ways, and the empty request
 * that checks liveness (answered with an empty response). The Delete of a rekeyed pair is the rekey responder's cue
 * to send with its successor.
 */
final class InformationalExchange {
    private static final int CHILD_SPI_SIZE = 4;

    private InformationalExchange() {
    }

    /** Deletes {@code child}, unless the peer deleted it while our request waited in the queue. */
    static void deleteChild(final IkeSession session, final ChildSession child, final String reason) {
        if (!session.children.contains(child)) {
            return;
        }
        child.deleting();
        session.request(ExchangeType.INFORMATIONAL, List.of(new DeletePayload(SecurityProtocol.ESP, CHILD_SPI_SIZE,
            List.of(ChildNegotiation.spi(child.sa().inboundSpi())))), new Pending.DeleteChild(child, reason),
            IkeSession.State.DELETE_CHILD_LOCAL_INFO);
    }

    /**
     * The peer confirmed: only now the inbound SA goes (after the grace period for a rekeyed pair), so packets still
     * in flight are received (§1.4.1).
     */
    static void onDeleteChildResponse(final IkeSession session, final Pending.DeleteChild delete) {
        session.deleted(delete.child(), delete.reason());
        session.idle();
    }

    static void deleteIke(final IkeSession session, final String reason) {
        session.request(ExchangeType.INFORMATIONAL, List.of(deleteIke()), new Pending.DeleteIke(reason),
            IkeSession.State.DELETE_IKE_LOCAL_INFO);
    }

    static void liveness(final IkeSession session) {
        session.request(ExchangeType.INFORMATIONAL, List.of(), Pending.Liveness.INSTANCE,
            IkeSession.State.LIVENESS_LOCAL_INFO);
    }

    /** A Delete of the IKE SA sent once, unanswered awaited: the gateway is going away. */
    static void announceDelete(final IkeSession session) {
        final var sa = session.sa;
        final IkeHeader header = IkeHeader.of(sa.initiatorSpi(), sa.responderSpi(), ExchangeType.INFORMATIONAL,
            sa.weInitiated(), false, sa.takeRequestId());
        final List<DeletePayload> payloads = List.of(deleteIke());
        final byte[] datagram = IkeMessage.protectedBySk(header, payloads).encode(sa.keys(), session.ctx.random());
        session.trace().sent(datagram, payloads, sa.local(), sa.remote());
        session.ctx.transport().send(sa.local(), sa.remote(), datagram);
    }

    static void onRequest(final IkeSession session, final IkeMessage request, final InetSocketAddress from,
                          final InetSocketAddress to) {
        final List<DeletePayload> deletes = request.payloads(DeletePayload.class);
        if (deletes.stream().anyMatch(d -> d.protocol().equals(SecurityProtocol.IKE))) {
            session.respond(request.header(), List.of(), from, to);
            session.close("peer " + session.peer() + " deleted the IKE SA");
            return;
        }
        final List<Bytes> ours = new ArrayList<>();
        for (final DeletePayload delete : deletes) {
            if (delete.spiSize() != CHILD_SPI_SIZE) {
                continue;
            }
            for (final Bytes spi : delete.spis()) {
                final Optional<ChildSession> child = session.childByOutboundSpi(ChildNegotiation.spiValue(spi));
                child.ifPresent(c -> {
                    // A child we are deleting ourselves is answered too (RFC 7296 §1.4.1); one we are rekeying goes
                    // as if our rekey had finished (§2.25.1): the peer answers that rekey with TEMPORARY_FAILURE.
                    ours.add(ChildNegotiation.spi(c.sa().inboundSpi()));
                    session.deleted(c, "deleted by peer " + session.peer());
                });
            }
        }
        final List<IkePayload> answer = ours.isEmpty() ? List.of()
            : List.of(new DeletePayload(SecurityProtocol.ESP, CHILD_SPI_SIZE, ours));
        session.respond(request.header(), answer, from, to);
    }

    private static DeletePayload deleteIke() {
        return new DeletePayload(SecurityProtocol.IKE, 0, List.of());
    }
}

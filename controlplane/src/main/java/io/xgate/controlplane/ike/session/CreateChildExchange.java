package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.crypto.InvalidKeyExchangeException;
import io.xgate.controlplane.ike.crypto.KeyExchange;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.exchange.ChildNegotiation;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NoncePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.payload.SecurityProtocol;
import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.proposal.ConfigTransforms;
import io.xgate.controlplane.ike.wire.Bytes;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CREATE_CHILD_SA for a new child SA (RFC 7296 §1.3.1): each proxy ID after the first, and a child re-created after
 * its hard lifetime; with PFS when the IPsec crypto profile names a DH group. As responder, a child rekey
 * (N(REKEY_SA)) is a new child for the same proxy ID: the data plane replaces the outbound SA of equal selectors,
 * and the peer's Delete of the old SA removes the rest. Rekeying the IKE SA is refused with NO_ADDITIONAL_SAS.
 */
final class CreateChildExchange {
    private static final System.Logger LOG = System.getLogger(CreateChildExchange.class.getName());

    private CreateChildExchange() {
    }

    static void start(final IkeSession session, final ChildPolicy child) {
        final IkeContext ctx = session.ctx;
        final int inboundSpi = ctx.spis().childSpi();
        final List<Proposal> offered = ChildNegotiation.proposals(child, inboundSpi, true);
        final Bytes ni = SaInitExchange.randomNonce(ctx);
        final Optional<KeyExchange> ke = ConfigTransforms.group(child.profile().dhGroup()).map(g -> g.generate(ctx.random()));
        final List<IkePayload> payloads = new ArrayList<>(List.of(new SaPayload(offered), new NoncePayload(ni)));
        ke.ifPresent(k -> payloads.add(new KePayload(k.group().id(), k.publicValue())));
        payloads.addAll(ChildNegotiation.selectors(child));
        session.request(ExchangeType.CREATE_CHILD_SA, payloads, new Pending.CreateChild(child, inboundSpi, offered, ni, ke),
            IkeSession.State.CREATE_CHILD_LOCAL_CREATE);
    }

    static void onResponse(final IkeSession session, final Pending.CreateChild create, final IkeMessage response) {
        final Optional<NoncePayload> nr = response.first(NoncePayload.class);
        Optional<KeyMaterial> pfs = Optional.empty();
        if (nr.isPresent() && create.ke().isPresent() && response.first(SaPayload.class).isPresent()) {
            final Optional<KePayload> theirs = response.first(KePayload.class)
                .filter(k -> k.dhGroup() == create.ke().get().group().id());
            try {
                pfs = Optional.of(create.ke().get().agree(theirs.orElseThrow(
                    () -> new InvalidKeyExchangeException("no KE of " + create.ke().get().group().configName()))
                    .keyData()));
            } catch (final InvalidKeyExchangeException e) {
                session.ctx.spis().releaseChild(create.inboundSpi());
                session.report("CREATE_CHILD_SA: child SA " + create.child().name() + ": PFS failed: " + e.getMessage());
                session.idle();
                return;
            }
        }
        AuthExchange.childFromResponse(session, create.child(), create.inboundSpi(), create.offered(), response,
            create.ni(), nr.map(NoncePayload::nonce).orElse(Bytes.EMPTY), pfs, true);
        pfs.ifPresent(KeyMaterial::wipe);
        session.idle();
    }

    static void onRequest(final IkeSession session, final IkeMessage request, final InetSocketAddress from,
                          final InetSocketAddress to) {
        final Optional<SaPayload> sa = request.first(SaPayload.class);
        final Optional<NoncePayload> ni = request.first(NoncePayload.class);
        if (sa.isPresent() && sa.get().proposals().getFirst().protocol().equals(SecurityProtocol.IKE)) {
            LOG.log(Level.INFO, "{0}: peer {1} asked to rekey the IKE SA; not supported yet, answered NO_ADDITIONAL_SAS",
                session.gateway, session.peer());
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.NO_ADDITIONAL_SAS, Bytes.EMPTY)), from, to);
            return;
        }
        if (ni.isEmpty()) {
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX, Bytes.EMPTY)), from, to);
            return;
        }
        final Bytes nr = SaInitExchange.randomNonce(session.ctx);
        session.respond(request.header(), AuthExchange.childForRequest(session, request, ni.get().nonce(), nr, true),
            from, to);
    }
}

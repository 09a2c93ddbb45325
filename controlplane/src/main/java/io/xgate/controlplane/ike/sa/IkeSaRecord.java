package io.xgate.controlplane.ike.sa;

import io.xgate.controlplane.ike.crypto.IkeSaSecrets;
import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The data of one IKE SA, apart from the state machine that drives it: SPIs, negotiated suite and keys, the
 * nonces and IKE_SA_INIT messages AUTH covers, where the peer is, NAT detection, whether IKE fragmentation was
 * negotiated, message IDs both ways, the cached last response (a duplicate request gets it again) and our
 * outstanding request.
 */
public final class IkeSaRecord {
    private final Role role;
    private final long initiatorSpi;
    private long responderSpi;
    private InetSocketAddress local;
    private InetSocketAddress remote;
    private IkeSuite suite;
    private IkeSaSecrets secrets;
    private SkKeys keys;
    private Bytes ni = Bytes.EMPTY;
    private Bytes nr = Bytes.EMPTY;
    private Bytes initRequest = Bytes.EMPTY;
    private Bytes initResponse = Bytes.EMPTY;
    private NatState nat = NatState.NONE;
    private boolean fragmentation;
    private long nextRequestId;
    private long nextPeerRequestId;
    private long lastResponseId = -1;
    private List<byte[]> lastResponse = List.of();
    private final Retransmission retransmission;
    private long lastHeardNanos;
    private long expiresAtNanos = Long.MAX_VALUE;

    public IkeSaRecord(final Role role, final long initiatorSpi, final long responderSpi,
                       final InetSocketAddress local, final InetSocketAddress remote, final RetransmitPolicy retransmit) {
        this.role = role;
        this.initiatorSpi = initiatorSpi;
        this.responderSpi = responderSpi;
        this.local = local;
        this.remote = remote;
        this.retransmission = new Retransmission(retransmit);
    }

    /** Our role: {@link Role#INITIATOR} when we sent IKE_SA_INIT (it never changes for the SA's lifetime). */
    public Role role() {
        return role;
    }

    public boolean weInitiated() {
        return role == Role.INITIATOR;
    }

    public long initiatorSpi() {
        return initiatorSpi;
    }

    public long responderSpi() {
        return responderSpi;
    }

    public void responderSpi(final long spi) {
        responderSpi = spi;
    }

    /** Our SPI: the one the peer's messages carry for us. */
    public long localSpi() {
        return weInitiated() ? initiatorSpi : responderSpi;
    }

    public InetSocketAddress local() {
        return local;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** Where messages go from now on (after the NAT-T switch to port 4500, or when the peer's NAT mapping moved). */
    public void endpoints(final InetSocketAddress newLocal, final InetSocketAddress newRemote) {
        local = newLocal;
        remote = newRemote;
    }

    public IkeSuite suite() {
        return suite;
    }

    public IkeSaSecrets secrets() {
        return secrets;
    }

    public SkKeys keys() {
        return keys;
    }

    public boolean hasKeys() {
        return keys != null;
    }

    public void keys(final IkeSuite negotiated, final IkeSaSecrets derived) {
        suite = negotiated;
        secrets = derived;
        keys = SkKeys.of(negotiated, derived);
    }

    public Bytes ni() {
        return ni;
    }

    public Bytes nr() {
        return nr;
    }

    public void nonces(final Bytes initiatorNonce, final Bytes responderNonce) {
        ni = initiatorNonce;
        nr = responderNonce;
    }

    public Bytes initRequest() {
        return initRequest;
    }

    public Bytes initResponse() {
        return initResponse;
    }

    /** The IKE_SA_INIT request and response as sent: AUTH covers them (RFC 7296 §2.15). */
    public void initMessages(final Bytes request, final Bytes response) {
        initRequest = request;
        initResponse = response;
    }

    public NatState nat() {
        return nat;
    }

    public void nat(final NatState detected) {
        nat = detected;
    }

    /**
     * Whether both sides announced IKEV2_FRAGMENTATION_SUPPORTED in IKE_SA_INIT (RFC 7383 §2.3), inherited by the IKE
     * SA that rekeys this one: only then are large messages sent, and SKF fragments accepted.
     */
    public boolean fragmentation() {
        return fragmentation;
    }

    public void fragmentation(final boolean negotiated) {
        fragmentation = negotiated;
    }

    /** Takes the next message ID for a request of ours. */
    public long takeRequestId() {
        return nextRequestId++;
    }

    public long nextPeerRequestId() {
        return nextPeerRequestId;
    }

    /**
     * A request of the peer was answered with {@code response} (one datagram, or its SKF fragments): cache it for a
     * retransmitted request.
     */
    public void answered(final long messageId, final List<byte[]> response) {
        lastResponseId = messageId;
        lastResponse = List.copyOf(response);
        nextPeerRequestId = messageId + 1;
    }

    /** The datagrams of our response to the peer's request {@code messageId}; empty unless that was the last one. */
    public List<byte[]> cachedResponse(final long messageId) {
        return messageId == lastResponseId ? lastResponse : List.of();
    }

    public Retransmission retransmission() {
        return retransmission;
    }

    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    public void heard(final long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    public long expiresAtNanos() {
        return expiresAtNanos;
    }

    public void expiresAt(final long nanos) {
        expiresAtNanos = nanos;
    }

    /** Wipes the keys when the SA is gone. */
    public void wipe() {
        if (secrets != null) {
            secrets.wipe();
        }
    }

    @Override
    public String toString() {
        return String.format("IKE SA %016x/%016x %s %s", initiatorSpi, responderSpi, local, remote);
    }
}

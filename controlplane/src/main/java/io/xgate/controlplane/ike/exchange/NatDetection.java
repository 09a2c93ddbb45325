package io.xgate.controlplane.ike.exchange;

import io.xgate.controlplane.ike.message.IkeHeader;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.sa.NatState;
import io.xgate.controlplane.ike.wire.Bytes;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * NAT_DETECTION_SOURCE_IP / _DESTINATION_IP (RFC 7296 §2.23): SHA-1(SPIi | SPIr | IP | port), with the SPIs of
 * the header of the message that carries them (SPIr is zero in the IKE_SA_INIT request).
 */
public final class NatDetection {
    private NatDetection() {
    }

    public static Bytes hash(final long spiI, final long spiR, final InetSocketAddress endpoint) {
        final byte[] ip = endpoint.getAddress().getAddress();
        final ByteBuffer data = ByteBuffer.allocate(16 + ip.length + 2).putLong(spiI).putLong(spiR).put(ip)
            .putShort((short) endpoint.getPort());
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-1").digest(data.array()));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** The two notifies for a message from {@code source} to {@code destination}. */
    public static List<NotifyPayload> notifies(final long spiI, final long spiR, final InetSocketAddress source,
                                               final InetSocketAddress destination) {
        return List.of(NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, hash(spiI, spiR, source)),
            NotifyPayload.of(NotifyType.NAT_DETECTION_DESTINATION_IP, hash(spiI, spiR, destination)));
    }

    /**
     * What a received message's notifies say, given where it came from and where it arrived; empty when the
     * sender did not include them (it does not do NAT-T).
     */
    public static Optional<NatState> detect(final IkeMessage message, final InetSocketAddress from,
                                            final InetSocketAddress to) {
        final IkeHeader h = message.header();
        final List<Bytes> sources = message.payloads(NotifyPayload.class).stream()
            .filter(n -> n.notifyType().equals(NotifyType.NAT_DETECTION_SOURCE_IP)).map(NotifyPayload::data).toList();
        final Optional<NotifyPayload> destination = message.findNotify(NotifyType.NAT_DETECTION_DESTINATION_IP);
        if (sources.isEmpty() || destination.isEmpty()) {
            return Optional.empty();
        }
        final boolean peerBehindNat = !sources.contains(hash(h.initiatorSpi(), h.responderSpi(), from));
        final boolean localBehindNat = !destination.get().data().equals(hash(h.initiatorSpi(), h.responderSpi(), to));
        return Optional.of(new NatState(localBehindNat, peerBehindNat));
    }
}

package io.xgate.controlplane.ike.exchange;

import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.wire.Bytes;

import java.util.ArrayList;
import java.util.List;

/**
 * SIGNATURE_HASH_ALGORITHMS (RFC 7427 §4): the notify of IKE_SA_INIT by which each side says it verifies Digital
 * Signature AUTH with these hashes. We announce SHA2-256, -384 and -512; a peer that announces nothing gets the
 * classic AUTH methods.
 */
public final class SignatureHashes {
    private static final Bytes OURS = Bytes.of((byte) 0, (byte) 2, (byte) 0, (byte) 3, (byte) 0, (byte) 4);

    private SignatureHashes() {
    }

    public static NotifyPayload ours() {
        return NotifyPayload.of(NotifyType.SIGNATURE_HASH_ALGORITHMS, OURS);
    }

    /** The hash numbers {@code message} announces; empty when it has no such notify. */
    public static List<Integer> announced(final IkeMessage message) {
        final List<Integer> hashes = new ArrayList<>();
        message.findNotify(NotifyType.SIGNATURE_HASH_ALGORITHMS).ifPresent(n -> {
            final byte[] data = n.data().toArray();
            for (int at = 0; at + 1 < data.length; at += 2) {
                hashes.add((data[at] & 0xFF) << 8 | data[at + 1] & 0xFF);
            }
        });
        return hashes;
    }
}

package io.xgate.dataplane.sa;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.packet.IpAddress;
import java.util.List;

/**
 * Everything the data plane needs to build one SA, handed from the control plane to a worker.
 * The key arrays are the caller's: the worker copies them into the cipher and the caller wipes its copy.
 *
 * @param spi              the SPI carried in packets of this SA (ours for inbound, the peer's for outbound)
 * @param tunnelId         the tunnel interface whose counters the SA adds to
 * @param local            our outer address; {@code peer} the other gateway's
 * @param udpEncapsulation ESP in UDP (RFC 3948) with the given ports, or 0/0 for raw ESP
 * @param selectors        proxy IDs; inbound packets outside them are dropped
 */
public record SaSpec(int spi, int tunnelId, IpsecProtocol protocol, IpsecMode mode,
                     EncryptionAlgorithm encryption, byte[] encryptionKey,
                     IntegrityAlgorithm integrity, byte[] integrityKey,
                     boolean esn, boolean antiReplay, int replayWindow,
                     IpAddress local, IpAddress peer,
                     int udpSourcePort, int udpDestinationPort,
                     boolean copyTos, boolean copyFlowLabel, boolean gre,
                     List<TrafficSelector> selectors) {

    /** The same SA seen from the other gateway, whose local and remote networks are ours swapped. */
    public SaSpec withSelectors(final List<TrafficSelector> otherSelectors) {
        return new SaSpec(spi, tunnelId, protocol, mode, encryption, encryptionKey, integrity, integrityKey, esn,
                antiReplay, replayWindow, local, peer, udpSourcePort, udpDestinationPort, copyTos, copyFlowLabel, gre,
                otherSelectors);
    }

    public boolean udpEncapsulated() {
        return udpDestinationPort != 0;
    }

    /** Never prints keys. */
    @Override
    public String toString() {
        return "SaSpec[spi=0x%08x, tunnel=%d, %s %s %s/%s, esn=%s, local=%s, peer=%s]".formatted(
                spi, tunnelId, protocol, mode, encryption.configName(), integrity.configName(), esn, local, peer);
    }
}

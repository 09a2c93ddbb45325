package io.xgate.controlplane.ike.sa;

import io.xgate.controlplane.ike.crypto.ChildSaKeys;
import io.xgate.controlplane.ike.crypto.ChildSuite;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.payload.TrafficSelector;

import java.util.List;

/**
 * A negotiated child SA pair: our inbound SPI and the peer's (our outbound), the suite, the keys, the narrowed
 * traffic selectors from our point of view, and when it must go (hard lifetime). {@code exchangeInitiator} says
 * whether we started the exchange that created it, which orders the keys (RFC 7296 §2.17).
 */
public record ChildSaRecord(String name, int inboundSpi, int outboundSpi, ChildSuite suite, ChildSaKeys keys,
                            boolean exchangeInitiator, List<TrafficSelector> localTs, List<TrafficSelector> remoteTs,
                            long expiresAtNanos) {

    public ChildSaRecord {
        localTs = List.copyOf(localTs);
        remoteTs = List.copyOf(remoteTs);
    }

    public KeyMaterial outboundEncryptionKey() {
        return exchangeInitiator ? keys.initiatorToResponderEncryption() : keys.responderToInitiatorEncryption();
    }

    public KeyMaterial outboundIntegrityKey() {
        return exchangeInitiator ? keys.initiatorToResponderIntegrity() : keys.responderToInitiatorIntegrity();
    }

    public KeyMaterial inboundEncryptionKey() {
        return exchangeInitiator ? keys.responderToInitiatorEncryption() : keys.initiatorToResponderEncryption();
    }

    public KeyMaterial inboundIntegrityKey() {
        return exchangeInitiator ? keys.responderToInitiatorIntegrity() : keys.initiatorToResponderIntegrity();
    }

    public void wipe() {
        for (final KeyMaterial key : List.of(keys.initiatorToResponderEncryption(), keys.initiatorToResponderIntegrity(),
                keys.responderToInitiatorEncryption(), keys.responderToInitiatorIntegrity())) {
            key.wipe();
        }
    }

    /** Never prints keys. */
    @Override
    public String toString() {
        return String.format("child SA %s in 0x%08x out 0x%08x %s", name, inboundSpi, outboundSpi,
            suite.encryption().configName() + "/" + suite.integrity().configName());
    }
}

package io.xgate.dataplane.sa;

import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.EspCipher;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.crypto.PacketMac;
import java.util.List;

/** What inbound and outbound SAs share: identity, transform, options, counters. Owned by one worker. */
public abstract sealed class SecurityAssociation implements Retirable permits InboundSa, OutboundSa {
    private final int spi;
    private final IpsecProtocol protocol;
    private final IpsecMode mode;
    private final boolean esn;
    private final boolean gre;
    private final EspCipher cipher;
    private final PacketMac mac;
    private final TrafficCounters counters;
    private final Tunnel tunnel;
    private final List<TrafficSelector> selectors;
    private final TrafficSelector[] selectorArray;
    private final String description;

    protected SecurityAssociation(final SaSpec spec, final CryptoProvider crypto, final TrafficCounters counters,
                                  final Tunnel tunnel) {
        this.spi = spec.spi();
        this.protocol = spec.protocol();
        this.mode = spec.mode();
        this.esn = spec.esn();
        this.gre = spec.gre();
        this.counters = counters;
        this.tunnel = tunnel;
        this.selectors = List.copyOf(spec.selectors());
        this.selectorArray = selectors.toArray(TrafficSelector[]::new);
        this.description = spec.toString();
        if (spec.protocol() == IpsecProtocol.ESP) {
            this.cipher = crypto.newEspCipher(spec.encryption(), spec.encryptionKey(), spec.integrity(),
                    spec.integrityKey(), spec.esn());
            this.mac = null;
        } else {
            if (spec.integrity() == IntegrityAlgorithm.NONE) {
                throw new IllegalArgumentException("AH needs an authentication algorithm");
            }
            this.cipher = null;
            this.mac = crypto.newPacketMac(spec.integrity(), spec.integrityKey());
        }
    }

    public int spi() {
        return spi;
    }

    public IpsecProtocol protocol() {
        return protocol;
    }

    public IpsecMode mode() {
        return mode;
    }

    public boolean esn() {
        return esn;
    }

    public boolean gre() {
        return gre;
    }

    /** ESP transform; null for AH. */
    public EspCipher cipher() {
        return cipher;
    }

    /** AH ICV; null for ESP. */
    public PacketMac mac() {
        return mac;
    }

    public TrafficCounters counters() {
        return counters;
    }

    public Tunnel tunnel() {
        return tunnel;
    }

    public List<TrafficSelector> selectors() {
        return selectors;
    }

    protected TrafficSelector[] selectorArray() {
        return selectorArray;
    }

    /** Wipes the keys and frees the counters. */
    @Override
    public void close() {
        if (cipher != null) {
            cipher.close();
        }
        if (mac != null) {
            mac.close();
        }
        counters.close();
    }

    @Override
    public String toString() {
        return description;
    }
}

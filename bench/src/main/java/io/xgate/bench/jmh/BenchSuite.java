package io.xgate.bench.jmh;

import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.crypto.ipsecmb.IpsecMbLibrary;

/** The transform and crypto library a benchmark runs with; the JMH parameter {@code suite}. */
public enum BenchSuite {
    GCM128_IPSECMB("aes-128-gcm/ipsec-mb", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE,
            CryptoProviders.IPSEC_MB),
    GCM256_IPSECMB("aes-256-gcm/ipsec-mb", EncryptionAlgorithm.AES_256_GCM, IntegrityAlgorithm.NONE,
            CryptoProviders.IPSEC_MB),
    CBC128_SHA256_JDK("aes-128-cbc+sha256/jdk", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA256_128,
            CryptoProviders.JDK),
    /** The portable fallback when intel-ipsec-mb cannot load. */
    GCM128_JDK("aes-128-gcm/jdk", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE, CryptoProviders.JDK);

    private final String label;
    private final EncryptionAlgorithm encryption;
    private final IntegrityAlgorithm integrity;
    private final String provider;

    BenchSuite(final String label, final EncryptionAlgorithm encryption, final IntegrityAlgorithm integrity,
               final String provider) {
        this.label = label;
        this.encryption = encryption;
        this.integrity = integrity;
        this.provider = provider;
    }

    /** How the results table names the suite. */
    public String label() {
        return label;
    }

    public EncryptionAlgorithm encryption() {
        return encryption;
    }

    public IntegrityAlgorithm integrity() {
        return integrity;
    }

    /** The library under measurement; fails when it is forced but cannot load, so no number lies about it. */
    public CryptoProvider provider() {
        return CryptoProviders.select(provider).provider();
    }

    /**
     * The library that seals packets in the unmeasured setup of the decap and open benchmarks. intel-ipsec-mb
     * produces the same bytes as the JDK for GCM and allocates nothing, so the gc profiler's bytes per op stay
     * those of the measured open alone; the JDK seal would add its ~1 KB per packet to them.
     */
    public CryptoProvider preparer() {
        return encryption.isAead() && IpsecMbLibrary.available()
                ? CryptoProviders.select(CryptoProviders.IPSEC_MB).provider()
                : provider();
    }
}

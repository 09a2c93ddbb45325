package io.xgate.dataplane.crypto;

import io.xgate.dataplane.crypto.ipsecmb.IpsecMbCryptoProvider;
import io.xgate.dataplane.crypto.ipsecmb.IpsecMbGcmEngine;
import io.xgate.dataplane.crypto.ipsecmb.IpsecMbLibrary;
import io.xgate.dataplane.crypto.jdk.JdkCryptoProvider;
import io.xgate.dataplane.crypto.jdk.JdkGcmEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/** The providers and GCM engines every parameterised test runs against (ipsec-mb where it loads). */
public final class TestProviders {
    private TestProviders() {
    }

    public static List<Named<CryptoProvider>> providers() {
        final List<Named<CryptoProvider>> providers = new ArrayList<>();
        providers.add(Named.of("jdk", new JdkCryptoProvider()));
        if (IpsecMbLibrary.available()) {
            providers.add(Named.of("ipsec-mb", new IpsecMbCryptoProvider()));
        }
        return providers;
    }

    public static List<Named<Function<byte[], GcmEngine>>> gcmEngines() {
        final List<Named<Function<byte[], GcmEngine>>> engines = new ArrayList<>();
        engines.add(Named.of("jdk", JdkGcmEngine::new));
        if (IpsecMbLibrary.available()) {
            engines.add(Named.of("ipsec-mb " + IpsecMbLibrary.arch().suffix(), IpsecMbGcmEngine::new));
        }
        return engines;
    }
}

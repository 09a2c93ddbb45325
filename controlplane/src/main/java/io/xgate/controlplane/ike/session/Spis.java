package io.xgate.controlplane.ike.session;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * Unique SPIs for one engine: 64-bit IKE SPIs (never 0) and 32-bit inbound child SPIs with the top bit set, so they
 * never meet manual-key SPIs (PAN-OS range 0x1000..0x1FFFFFFF) in the data plane's inbound table.
 */
final class Spis {
    private final SecureRandom random;
    private final Set<Long> ike = new HashSet<>();
    private final Set<Integer> child = new HashSet<>();

    Spis(final SecureRandom random) {
        this.random = random;
    }

    long ikeSpi() {
        long spi;
        do {
            spi = random.nextLong();
        } while (spi == 0 || !ike.add(spi));
        return spi;
    }

    void releaseIke(final long spi) {
        ike.remove(spi);
    }

    int childSpi() {
        int spi;
        do {
            spi = random.nextInt() | 0x8000_0000;
        } while (!child.add(spi));
        return spi;
    }

    void releaseChild(final int spi) {
        child.remove(spi);
    }
}

package io.xgate.dataplane.crypto;

import io.xgate.dataplane.crypto.ipsecmb.IpsecMbCryptoProvider;
import io.xgate.dataplane.crypto.ipsecmb.IpsecMbLibrary;
import io.xgate.dataplane.crypto.jdk.JdkCryptoProvider;

/**
 * Chooses the crypto library at startup: intel-ipsec-mb when it loads on a CPU with AES-NI, else the JDK.
 * {@code -Dxgate.crypto=jdk|ipsec-mb} forces one ({@code auto}, the default, decides as above).
 */
public final class CryptoProviders {
    public static final String PROPERTY = "xgate.crypto";
    public static final String AUTO = "auto";
    public static final String JDK = "jdk";
    public static final String IPSEC_MB = "ipsec-mb";

    /** The provider and why it was chosen; {@link #toString()} is the startup log line. */
    public record Selection(CryptoProvider provider, String reason) {
        @Override
        public String toString() {
            return "crypto: " + provider.name() + " (" + reason + ")";
        }
    }

    private CryptoProviders() {
    }

    public static Selection select() {
        return select(System.getProperty(PROPERTY, AUTO));
    }

    /**
     * @throws IllegalArgumentException for an unknown choice
     * @throws IllegalStateException    when ipsec-mb is forced but cannot be used, with the reason
     */
    public static Selection select(final String choice) {
        return switch (choice) {
            case JDK -> new Selection(new JdkCryptoProvider(), "forced by -D" + PROPERTY + "=" + JDK);
            case IPSEC_MB -> {
                if (!IpsecMbLibrary.available()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=" + IPSEC_MB + " but intel-ipsec-mb is "
                            + "unavailable: " + IpsecMbLibrary.reason());
                }
                yield new Selection(new IpsecMbCryptoProvider(),
                        "forced by -D" + PROPERTY + "=" + IPSEC_MB + "; " + IpsecMbLibrary.reason());
            }
            case AUTO -> IpsecMbLibrary.available()
                    ? new Selection(new IpsecMbCryptoProvider(), IpsecMbLibrary.reason())
                    : new Selection(new JdkCryptoProvider(), "intel-ipsec-mb unavailable: " + IpsecMbLibrary.reason());
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " must be " + AUTO + ", " + JDK + " or "
                    + IPSEC_MB + ", not " + choice);
        };
    }
}

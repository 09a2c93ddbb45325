package io.xgate.controlplane.ike.crypto;

import io.xgate.linux.libcrypto.LibCrypto;

/**
 * Chooses who computes the IKE Diffie-Hellman groups: OpenSSL's libcrypto (ECP groups 19-21 and Curve25519;
 * about 20x the JDK's ECDH here) when it loads, else the JDK. MODP groups always use the JDK's BigInteger.
 * {@code -Dxgate.ike.crypto=jdk|libcrypto} forces one ({@code auto}, the default, decides as above).
 */
public final class KeyExchangeLibrary {
    public static final String PROPERTY = "xgate.ike.crypto";
    public static final String AUTO = "auto";
    public static final String JDK = "jdk";
    public static final String LIBCRYPTO = "libcrypto";

    /** The library and why it was chosen; {@link #toString()} is the startup log line. */
    public record Selection(boolean libCrypto, String reason) {
        public String name() {
            return libCrypto ? "libcrypto " + LibCrypto.version() : "JDK";
        }

        @Override
        public String toString() {
            return "ike key exchange: " + name() + " (" + reason + ")";
        }
    }

    /** The process-wide choice, or why the property cannot be honoured; decided on first use. */
    private static final class Active {
        private static final Selection SELECTION;
        private static final IllegalStateException ERROR;

        static {
            Selection selection = null;
            IllegalStateException error = null;
            try {
                selection = select(System.getProperty(PROPERTY, AUTO));
            } catch (final IllegalArgumentException | IllegalStateException e) {
                error = new IllegalStateException(e.getMessage(), e);
            }
            SELECTION = selection;
            ERROR = error;
        }
    }

    private KeyExchangeLibrary() {
    }

    /**
     * What this process uses for every key exchange.
     *
     * @throws IllegalStateException when {@code -Dxgate.ike.crypto} is unknown, or forces an unavailable libcrypto
     */
    public static Selection active() {
        if (Active.ERROR != null) {
            throw Active.ERROR;
        }
        return Active.SELECTION;
    }

    /**
     * @throws IllegalArgumentException for an unknown choice
     * @throws IllegalStateException    when libcrypto is forced but cannot be used, with the reason
     */
    public static Selection select(final String choice) {
        return switch (choice) {
            case JDK -> new Selection(false, "forced by -D" + PROPERTY + "=" + JDK);
            case LIBCRYPTO -> {
                if (!LibCrypto.available()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=" + LIBCRYPTO + " but libcrypto is unavailable: "
                        + LibCrypto.reason());
                }
                yield new Selection(true, "forced by -D" + PROPERTY + "=" + LIBCRYPTO + "; " + LibCrypto.reason()
                    + "; MODP groups by the JDK");
            }
            case AUTO -> LibCrypto.available()
                ? new Selection(true, LibCrypto.reason() + "; MODP groups by the JDK")
                : new Selection(false, "libcrypto unavailable: " + LibCrypto.reason());
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " must be " + AUTO + ", " + JDK + " or "
                + LIBCRYPTO + ", not " + choice);
        };
    }
}

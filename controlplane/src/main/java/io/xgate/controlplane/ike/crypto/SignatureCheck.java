package io.xgate.controlplane.ike.crypto;

/** The outcome of checking a peer's signature AUTH: which scheme verified, or why not (for the log line). */
public sealed interface SignatureCheck {
    record Valid(SignatureScheme scheme) implements SignatureCheck {
    }

    /** A signature by one of the methods before RFC 7427. */
    record ValidClassic(ClassicSignature method) implements SignatureCheck {
    }

    record Invalid(String reason) implements SignatureCheck {
    }
}

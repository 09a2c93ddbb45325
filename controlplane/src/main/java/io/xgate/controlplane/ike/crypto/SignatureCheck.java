package io.xgate.controlplane.ike.crypto;

/** The outcome of checking a peer's signature AUTH: which scheme verified, or why not (for the log line). */
public sealed interface SignatureCheck {
    record Valid(SignatureScheme scheme) implements SignatureCheck {
    }

    record Invalid(String reason) implements SignatureCheck {
    }
}

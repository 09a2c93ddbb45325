package io.xgate.controlplane.config;

/** How a tunnel gets its SAs: exactly one of auto-key (IKE) or manual-key. */
public sealed interface Keying permits AutoKey, ManualKey {
}

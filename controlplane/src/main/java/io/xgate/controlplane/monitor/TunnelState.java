package io.xgate.controlplane.monitor;

import java.util.Locale;

/** What the tunnel monitor knows about a tunnel's path to its monitor destination. */
public enum TunnelState {
    /** Probing, no reply yet: the tunnel keeps its routes until the threshold says otherwise. */
    INIT,
    /** Probes are answered. */
    UP,
    /** No reply for threshold × interval. */
    DOWN;

    /** The word in logs, {@code show} output and events. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Registry;

/** A Protocol ID (RFC 7296 §3.3.1) as carried in proposals, notifies and deletes. */
public record SecurityProtocol(int value) {
    private static final Registry NAMES = new Registry("protocol");

    /** Used by notify payloads that concern no SA. */
    public static final SecurityProtocol NONE = new SecurityProtocol(NAMES.define(0, "none"));
    public static final SecurityProtocol IKE = new SecurityProtocol(NAMES.define(1, "IKE"));
    public static final SecurityProtocol AH = new SecurityProtocol(NAMES.define(2, "AH"));
    public static final SecurityProtocol ESP = new SecurityProtocol(NAMES.define(3, "ESP"));

    public SecurityProtocol {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("protocol id " + value + " out of 0..255");
        }
    }

    @Override
    public String toString() {
        return NAMES.name(value);
    }
}

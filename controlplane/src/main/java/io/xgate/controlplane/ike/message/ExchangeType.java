package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.wire.Registry;

/** An Exchange Type (RFC 7296 §3.1); unknown values are kept so a message with one can still be answered. */
public record ExchangeType(int value) {
    private static final Registry NAMES = new Registry("exchange");

    public static final ExchangeType IKE_SA_INIT = new ExchangeType(NAMES.define(34, "IKE_SA_INIT"));
    public static final ExchangeType IKE_AUTH = new ExchangeType(NAMES.define(35, "IKE_AUTH"));
    public static final ExchangeType CREATE_CHILD_SA = new ExchangeType(NAMES.define(36, "CREATE_CHILD_SA"));
    public static final ExchangeType INFORMATIONAL = new ExchangeType(NAMES.define(37, "INFORMATIONAL"));
    /** RFC 9242. */
    public static final ExchangeType IKE_INTERMEDIATE = new ExchangeType(NAMES.define(43, "IKE_INTERMEDIATE"));

    public ExchangeType {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("exchange type " + value + " out of 0..255");
        }
    }

    @Override
    public String toString() {
        return NAMES.name(value);
    }
}

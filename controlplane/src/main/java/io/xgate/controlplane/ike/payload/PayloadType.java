package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Registry;

/** A "Next Payload" value (RFC 7296 §3.2, RFC 7383 §2.5); unknown values are kept as numbers. */
public record PayloadType(int value) {
    private static final Registry NAMES = new Registry("payload");

    public static final PayloadType NONE = new PayloadType(NAMES.define(0, "NONE"));
    public static final PayloadType SA = new PayloadType(NAMES.define(33, "SA"));
    public static final PayloadType KE = new PayloadType(NAMES.define(34, "KE"));
    public static final PayloadType IDI = new PayloadType(NAMES.define(35, "IDi"));
    public static final PayloadType IDR = new PayloadType(NAMES.define(36, "IDr"));
    public static final PayloadType CERT = new PayloadType(NAMES.define(37, "CERT"));
    public static final PayloadType CERTREQ = new PayloadType(NAMES.define(38, "CERTREQ"));
    public static final PayloadType AUTH = new PayloadType(NAMES.define(39, "AUTH"));
    public static final PayloadType NONCE = new PayloadType(NAMES.define(40, "Nonce"));
    public static final PayloadType NOTIFY = new PayloadType(NAMES.define(41, "N"));
    public static final PayloadType DELETE = new PayloadType(NAMES.define(42, "D"));
    public static final PayloadType VENDOR_ID = new PayloadType(NAMES.define(43, "V"));
    public static final PayloadType TSI = new PayloadType(NAMES.define(44, "TSi"));
    public static final PayloadType TSR = new PayloadType(NAMES.define(45, "TSr"));
    public static final PayloadType SK = new PayloadType(NAMES.define(46, "SK"));
    public static final PayloadType CP = new PayloadType(NAMES.define(47, "CP"));
    public static final PayloadType EAP = new PayloadType(NAMES.define(48, "EAP"));
    public static final PayloadType SKF = new PayloadType(NAMES.define(53, "SKF"));

    public PayloadType {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("payload type " + value + " out of 0..255");
        }
    }

    @Override
    public String toString() {
        return NAMES.name(value);
    }
}

package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Registry;

/**
 * A Notify Message Type (RFC 7296 §3.10.1 and the IANA "IKEv2 Notify Message Types" registry). Values
 * below 16384 are errors, the rest status; an unknown error type still means the request failed
 * (§3.10.1), so the value is kept even when it has no name here.
 */
public record NotifyType(int value) {
    private static final Registry NAMES = new Registry("notify");

    /** Errors (1..16383). */
    public static final NotifyType UNSUPPORTED_CRITICAL_PAYLOAD = of(1, "UNSUPPORTED_CRITICAL_PAYLOAD");
    public static final NotifyType INVALID_IKE_SPI = of(4, "INVALID_IKE_SPI");
    public static final NotifyType INVALID_MAJOR_VERSION = of(5, "INVALID_MAJOR_VERSION");
    public static final NotifyType INVALID_SYNTAX = of(7, "INVALID_SYNTAX");
    public static final NotifyType INVALID_MESSAGE_ID = of(9, "INVALID_MESSAGE_ID");
    public static final NotifyType INVALID_SPI = of(11, "INVALID_SPI");
    public static final NotifyType NO_PROPOSAL_CHOSEN = of(14, "NO_PROPOSAL_CHOSEN");
    public static final NotifyType INVALID_KE_PAYLOAD = of(17, "INVALID_KE_PAYLOAD");
    public static final NotifyType AUTHENTICATION_FAILED = of(24, "AUTHENTICATION_FAILED");
    public static final NotifyType SINGLE_PAIR_REQUIRED = of(34, "SINGLE_PAIR_REQUIRED");
    public static final NotifyType NO_ADDITIONAL_SAS = of(35, "NO_ADDITIONAL_SAS");
    public static final NotifyType INTERNAL_ADDRESS_FAILURE = of(36, "INTERNAL_ADDRESS_FAILURE");
    public static final NotifyType FAILED_CP_REQUIRED = of(37, "FAILED_CP_REQUIRED");
    public static final NotifyType TS_UNACCEPTABLE = of(38, "TS_UNACCEPTABLE");
    public static final NotifyType INVALID_SELECTORS = of(39, "INVALID_SELECTORS");
    public static final NotifyType TEMPORARY_FAILURE = of(43, "TEMPORARY_FAILURE");
    public static final NotifyType CHILD_SA_NOT_FOUND = of(44, "CHILD_SA_NOT_FOUND");

    /** Status (16384..65535). */
    public static final NotifyType INITIAL_CONTACT = of(16384, "INITIAL_CONTACT");
    public static final NotifyType SET_WINDOW_SIZE = of(16385, "SET_WINDOW_SIZE");
    public static final NotifyType ADDITIONAL_TS_POSSIBLE = of(16386, "ADDITIONAL_TS_POSSIBLE");
    public static final NotifyType IPCOMP_SUPPORTED = of(16387, "IPCOMP_SUPPORTED");
    public static final NotifyType NAT_DETECTION_SOURCE_IP = of(16388, "NAT_DETECTION_SOURCE_IP");
    public static final NotifyType NAT_DETECTION_DESTINATION_IP = of(16389, "NAT_DETECTION_DESTINATION_IP");
    public static final NotifyType COOKIE = of(16390, "COOKIE");
    public static final NotifyType USE_TRANSPORT_MODE = of(16391, "USE_TRANSPORT_MODE");
    public static final NotifyType HTTP_CERT_LOOKUP_SUPPORTED = of(16392, "HTTP_CERT_LOOKUP_SUPPORTED");
    public static final NotifyType REKEY_SA = of(16393, "REKEY_SA");
    public static final NotifyType ESP_TFC_PADDING_NOT_SUPPORTED = of(16394, "ESP_TFC_PADDING_NOT_SUPPORTED");
    public static final NotifyType NON_FIRST_FRAGMENTS_ALSO = of(16395, "NON_FIRST_FRAGMENTS_ALSO");
    public static final NotifyType MOBIKE_SUPPORTED = of(16396, "MOBIKE_SUPPORTED");
    public static final NotifyType MULTIPLE_AUTH_SUPPORTED = of(16404, "MULTIPLE_AUTH_SUPPORTED");
    public static final NotifyType ANOTHER_AUTH_FOLLOWS = of(16405, "ANOTHER_AUTH_FOLLOWS");
    public static final NotifyType IKEV2_FRAGMENTATION_SUPPORTED = of(16430, "IKEV2_FRAGMENTATION_SUPPORTED");
    public static final NotifyType SIGNATURE_HASH_ALGORITHMS = of(16431, "SIGNATURE_HASH_ALGORITHMS");

    /** The first status type; everything below is an error (RFC 7296 §3.10.1). */
    public static final int FIRST_STATUS = 16384;

    public NotifyType {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("notify type " + value + " out of 0..65535");
        }
    }

    private static NotifyType of(final int value, final String name) {
        return new NotifyType(NAMES.define(value, name));
    }

    public boolean isError() {
        return value < FIRST_STATUS;
    }

    /** The registered name, e.g. {@code NO_PROPOSAL_CHOSEN}, or {@code notify(40001)}. */
    public String name() {
        return NAMES.name(value);
    }

    @Override
    public String toString() {
        return name();
    }
}

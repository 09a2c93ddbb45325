package io.xgate.controlplane.config;

/** Diffie-Hellman groups as PAN-OS names them; {@code group31} (x25519) is an xgate addition. */
public enum DhGroup implements ConfigEnum {
    /** IPsec profiles only: no perfect forward secrecy on rekey. */
    NO_PFS,
    GROUP1, GROUP2, GROUP5, GROUP14, GROUP15, GROUP16, GROUP19, GROUP20, GROUP21, GROUP31
}

package io.xgate.controlplane.config;

/** IKE integrity/PRF hashes; {@code non-auth} pairs with GCM, whose integrity is built in. */
public enum IkeHash implements ConfigEnum {
    NON_AUTH, MD5, SHA1, SHA256, SHA384, SHA512
}

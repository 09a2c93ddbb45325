package io.xgate.dataplane.sa;

/** RFC 4301 §4.1: tunnel mode protects a whole inner packet; transport mode the payload of the outer one. */
public enum IpsecMode {
    TUNNEL,
    TRANSPORT
}

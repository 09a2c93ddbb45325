package io.xgate.dataplane.sa;

/** The IPsec protocol of an SA: ESP (RFC 4303) or AH (RFC 4302). */
public enum IpsecProtocol {
    ESP,
    AH
}

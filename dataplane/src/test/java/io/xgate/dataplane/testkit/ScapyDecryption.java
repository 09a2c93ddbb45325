package io.xgate.dataplane.testkit;

/**
 * scapy's verdict on one frame: when {@code ok}, the full (64-bit for ESN) sequence number and the
 * decapsulated packet; otherwise the error scapy raised (an integrity failure, a parse error, ...).
 */
public record ScapyDecryption(int index, boolean ok, long sequence, byte[] inner, String error) {
}

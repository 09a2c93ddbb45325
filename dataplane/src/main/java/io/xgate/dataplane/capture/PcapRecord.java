package io.xgate.dataplane.capture;

/** One frame read from a pcap file: its timestamp, its length on the wire and the captured bytes. */
public record PcapRecord(long epochNanos, int originalLength, byte[] data) {
}

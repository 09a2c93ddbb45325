package io.xgate.controlplane.config;

public enum IpFamily {
    IPV4(32, "IPv4"),
    IPV6(128, "IPv6");

    private final int bits;
    private final String label;

    IpFamily(final int bits, final String label) {
        this.bits = bits;
        this.label = label;
    }

    public int bits() {
        return bits;
    }

    @Override
    public String toString() {
        return label;
    }
}

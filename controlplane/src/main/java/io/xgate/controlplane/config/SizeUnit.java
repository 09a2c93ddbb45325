package io.xgate.controlplane.config;

public enum SizeUnit implements ConfigEnum {
    KB(1L << 10),
    MB(1L << 20),
    GB(1L << 30),
    TB(1L << 40);

    private final long bytes;

    SizeUnit(final long bytes) {
        this.bytes = bytes;
    }

    public long bytes() {
        return bytes;
    }
}

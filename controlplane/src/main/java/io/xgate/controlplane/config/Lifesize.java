package io.xgate.controlplane.config;

/** {@code {gb: 100}}: SA rekey volume, 1..65535 of one unit. */
public record Lifesize(SizeUnit unit, int value) {

    public static final IntRange RANGE = new IntRange(1, 65535);

    public long toBytes() {
        return value * unit.bytes();
    }
}

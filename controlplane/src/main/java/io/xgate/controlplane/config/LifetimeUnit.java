package io.xgate.controlplane.config;

/** Units of an SA lifetime, each with the value range PAN-OS accepts for it. */
public enum LifetimeUnit implements ConfigEnum {
    SECONDS(1, 180, 65535),
    MINUTES(60, 3, 65535),
    HOURS(3600, 1, 65535),
    DAYS(86400, 1, 365);

    private final long seconds;
    private final IntRange range;

    LifetimeUnit(final long seconds, final int min, final int max) {
        this.seconds = seconds;
        this.range = new IntRange(min, max);
    }

    public long seconds() {
        return seconds;
    }

    public IntRange range() {
        return range;
    }
}

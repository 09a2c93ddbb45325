package io.xgate.controlplane.config;

/** {@code {hours: 8}}: one unit and its count, kept as written so {@code show} prints it back unchanged. */
public record Lifetime(LifetimeUnit unit, int value) {

    public static Lifetime hours(final int hours) {
        return new Lifetime(LifetimeUnit.HOURS, hours);
    }

    public long toSeconds() {
        return value * unit.seconds();
    }
}

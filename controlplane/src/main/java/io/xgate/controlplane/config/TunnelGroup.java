package io.xgate.controlplane.config;

import java.time.Duration;

/**
 * xgate: a primary/secondary tunnel pair; the secondary carries traffic only while the primary is down. Traffic
 * returns to the primary once it has been up for {@code holdDown}, so a flapping primary does not drag it along.
 */
public record TunnelGroup(String name, String primary, String secondary, Duration holdDown) implements Named {
    public static final Duration DEFAULT_HOLD_DOWN = Duration.ofSeconds(3);
}

package io.xgate.controlplane.config;

import java.time.Duration;

/** How often a tunnel monitor probes, after how many misses the tunnel is down, and what happens then. */
public record MonitorProfile(String name, Action action, Duration interval, int threshold) implements Named {

    public static final String DEFAULT_NAME = "default";

    /** PAN-OS's predefined {@code default} monitor profile. */
    public static final MonitorProfile DEFAULT = new MonitorProfile(DEFAULT_NAME, Action.WAIT_RECOVER,
            Duration.ofSeconds(3), 5);

    /** wait-recover keeps the route and renegotiates; fail-over withdraws it so a backup path takes over. */
    public enum Action implements ConfigEnum {
        WAIT_RECOVER, FAIL_OVER
    }
}

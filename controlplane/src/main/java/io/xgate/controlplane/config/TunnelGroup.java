package io.xgate.controlplane.config;

/** xgate: a primary/secondary tunnel pair; the secondary carries traffic only while the primary is down. */
public record TunnelGroup(String name, String primary, String secondary) implements Named {
}

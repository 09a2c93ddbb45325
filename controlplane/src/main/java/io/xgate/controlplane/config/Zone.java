package io.xgate.controlplane.config;

/** A security zone; listed explicitly under {@code zones} or derived from the zones interfaces name. */
public record Zone(String name) implements Named {
}

package io.xgate.controlplane.config;

import java.util.Locale;

/**
 * An enum whose values are written in the config as their constant name in lower case with '-' for '_'
 * ({@code WAIT_RECOVER} is {@code wait-recover}); a constant whose config name cannot be a Java name
 * ({@code 3des}) overrides {@link #configName()}.
 */
public interface ConfigEnum {
    String name();

    default String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

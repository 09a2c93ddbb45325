package io.xgate.controlplane.config;

import java.util.List;

/** The outcome of loading a config: a valid config, or every error found in it. */
public sealed interface LoadResult {

    List<ConfigError> errors();

    record Valid(DeviceConfig config) implements LoadResult {
        @Override
        public List<ConfigError> errors() {
            return List.of();
        }
    }

    record Invalid(List<ConfigError> errors) implements LoadResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}

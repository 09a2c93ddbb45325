package io.xgate.controlplane.config;

import java.util.List;
import java.util.Optional;

/** A config object that other objects refer to by name. */
public interface Named {
    String name();

    static <T extends Named> Optional<T> find(final List<T> objects, final String name) {
        return objects.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}

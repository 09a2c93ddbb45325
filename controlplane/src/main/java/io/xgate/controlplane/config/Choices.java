package io.xgate.controlplane.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The config words an enum accepts, for parsing and for "did you mean" hints. */
record Choices<E>(List<E> values, Function<E, String> nameOf) {

    static <E extends Enum<E> & ConfigEnum> Choices<E> of(final Class<E> type) {
        return new Choices<>(List.of(type.getEnumConstants()), ConfigEnum::configName);
    }

    static <E> Choices<E> of(final E[] values, final Function<E, String> nameOf) {
        return new Choices<>(List.of(values), nameOf);
    }

    Optional<E> parse(final String text) {
        return values.stream().filter(v -> nameOf.apply(v).equals(text)).findFirst();
    }

    List<String> names() {
        return values.stream().map(nameOf).toList();
    }
}

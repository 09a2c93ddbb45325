package io.xgate.controlplane.ike.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of one IANA registry (payload types, notify types, ...). Wire values stay plain numbers so an
 * unknown value from a peer survives decode and re-encode; the names are for logs and explanations.
 */
public final class Registry {
    private final String kind;
    private final Map<Integer, String> names = new HashMap<>();

    public Registry(final String kind) {
        this.kind = kind;
    }

    /** Registers a name and returns the value, so constants read {@code static final X A = x(define(1, "A"))}. */
    public int define(final int value, final String name) {
        if (names.putIfAbsent(value, name) != null) {
            throw new IllegalStateException(kind + " " + value + " defined twice");
        }
        return value;
    }

    /** The registered name, or e.g. {@code notify-type(40000)} for an unregistered value. */
    public String name(final int value) {
        final String name = names.get(value);
        return name != null ? name : kind + "(" + value + ")";
    }
}

package io.xgate.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One request as a handler sees it: the command, its arguments, and the Unix user who sent it. */
public record Request(String cmd, JsonNode args, String user) {

    public String string(final String name) {
        final JsonNode value = args.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("argument '" + name + "' (a string) is required");
        }
        return value.asText();
    }

    public String string(final String name, final String fallback) {
        return args.has(name) ? string(name) : fallback;
    }

    public int integer(final String name) {
        final JsonNode value = args.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("argument '" + name + "' (an integer) is required");
        }
        return value.asInt();
    }

    public boolean bool(final String name, final boolean fallback) {
        final JsonNode value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("argument '" + name + "' must be true or false");
        }
        return value.asBoolean();
    }

    Request withUser(final String peer) {
        return new Request(cmd, args, peer);
    }
}

package io.xgate.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The server answered {@code ok: false}; {@link #response()} is that answer as it came. */
public final class ManagementException extends Exception {
    private final transient JsonNode response;

    ManagementException(final JsonNode response) {
        super(response.path("error").asText("request failed"));
        this.response = response;
    }

    public JsonNode response() {
        return response;
    }

    /** The error's details, e.g. every config error of an invalid candidate; a missing node when there are none. */
    public JsonNode details() {
        return response.path("details");
    }
}

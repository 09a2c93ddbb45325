package io.xgate.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The management protocol: one JSON object per line each way. A request is
 * {@code {"v":1,"cmd":"...","args":{...}}}; a response {@code {"v":1,"ok":true,"result":...}} or
 * {@code {"v":1,"ok":false,"error":"...","details":...}}; an event {@code {"v":1,"event":...}}.
 */
final class Protocol {
    static final int VERSION = 1;
    /** Large enough for {@code config.load} of any config the loader accepts (8 Mi code points, as UTF-8). */
    static final int MAX_LINE_BYTES = 32 * 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    private Protocol() {
    }

    static ObjectNode request(final String cmd, final Object args) {
        final ObjectNode request = JSON.createObjectNode().put("v", VERSION).put("cmd", cmd);
        request.set("args", JSON.valueToTree(args));
        return request;
    }

    static ObjectNode ok(final Object result) {
        final ObjectNode response = JSON.createObjectNode().put("v", VERSION).put("ok", true);
        response.set("result", JSON.valueToTree(result));
        return response;
    }

    static ObjectNode error(final String message, final Object details) {
        final ObjectNode response = JSON.createObjectNode().put("v", VERSION).put("ok", false).put("error", message);
        if (details != null) {
            response.set("details", JSON.valueToTree(details));
        }
        return response;
    }

    static ObjectNode event(final Object event) {
        final ObjectNode line = JSON.createObjectNode().put("v", VERSION);
        line.set("event", JSON.valueToTree(event));
        return line;
    }

    static String line(final JsonNode node) {
        return node.toString() + "\n";
    }
}

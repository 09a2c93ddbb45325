package io.xgate.dataplane.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads Wycheproof vector files from src/test/resources/vectors/wycheproof. */
public final class Wycheproof {
    /** One test with the group it belongs to (groups carry key, IV and tag sizes). */
    public record Case(JsonNode group, JsonNode test) {
        public byte[] hex(final String field) {
            return HexFormat.of().parseHex(test.get(field).asText());
        }

        public int groupInt(final String field) {
            return group.get(field).asInt();
        }

        public boolean valid() {
            return "valid".equals(test.get("result").asText());
        }

        public boolean invalid() {
            return "invalid".equals(test.get("result").asText());
        }

        @Override
        public String toString() {
            return "tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + ")";
        }
    }

    private Wycheproof() {
    }

    public static List<Case> load(final String file) {
        try (InputStream in = Wycheproof.class.getResourceAsStream("/vectors/wycheproof/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("missing vector file " + file);
            }
            final JsonNode root = new ObjectMapper().readTree(in);
            final List<Case> cases = new ArrayList<>();
            for (final JsonNode group : root.get("testGroups")) {
                for (final JsonNode test : group.get("tests")) {
                    cases.add(new Case(group, test));
                }
            }
            return cases;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

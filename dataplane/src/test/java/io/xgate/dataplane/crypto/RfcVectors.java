package io.xgate.dataplane.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads block-format vector files from src/test/resources/vectors/rfc, laid out the way RFCs and drafts print
 * their test cases so a reader can hold the file against the source: blocks separated by blank lines,
 * {@code name = value} per field, an indented line continuing the field above (values wrap where the source
 * wraps them), {@code #} starting a comment line.
 */
public final class RfcVectors {
    /** One test case; fields keep the source's names. */
    public record Block(Map<String, String> fields) {
        public Block {
            fields = Map.copyOf(fields);
        }

        public boolean has(final String field) {
            return fields.containsKey(field);
        }

        public String text(final String field) {
            final String value = fields.get(field);
            if (value == null) {
                throw new IllegalArgumentException(this + " has no field " + field);
            }
            return value;
        }

        /** The field as bytes; sources group hex in words, so whitespace is dropped. */
        public byte[] hex(final String field) {
            return HexFormat.of().parseHex(text(field).replaceAll("\\s", ""));
        }

        @Override
        public String toString() {
            return "case " + fields.getOrDefault("case", "?");
        }
    }

    private RfcVectors() {
    }

    public static List<Block> load(final String file) {
        try (InputStream in = RfcVectors.class.getResourceAsStream("/vectors/rfc/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("missing vector file " + file);
            }
            return parse(file, new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Block> parse(final String file, final BufferedReader in) throws IOException {
        final List<Block> blocks = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    blocks.add(new Block(fields));
                    fields = new LinkedHashMap<>();
                    last = null;
                }
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (last == null) {
                    throw new IllegalArgumentException(file + ":" + number + ": continuation without a field");
                }
                fields.merge(last, " " + line.strip(), String::concat);
                continue;
            }
            final int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(file + ":" + number + ": expected 'name = value'");
            }
            last = line.substring(0, equals).strip();
            if (fields.putIfAbsent(last, line.substring(equals + 1).strip()) != null) {
                throw new IllegalArgumentException(file + ":" + number + ": field " + last + " given twice");
            }
        }
        if (!fields.isEmpty()) {
            blocks.add(new Block(fields));
        }
        return blocks;
    }
}

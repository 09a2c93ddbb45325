package io.xgate.controlplane.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the input, the loader answers with a config or with errors: it never throws. */
class ConfigLoaderProperties {
    private static final String EXAMPLE = ConfigFixture.fullExample();

    @Property(tries = 300)
    void garbageYieldsErrorsNotExceptions(@ForAll("garbage") final String yaml) {
        final LoadResult result = ConfigFixture.load(yaml);

        assertTrue(result instanceof LoadResult.Valid || !result.errors().isEmpty());
    }

    /** Small damage to a real config reaches deep into the binder and validator, not just the YAML parser. */
    @Property(tries = 300)
    void damagedExampleYieldsErrorsNotExceptionsAndKeepsKeysSecret(@ForAll("damaged") final String yaml) {
        final LoadResult result = ConfigFixture.load(yaml);

        assertTrue(result instanceof LoadResult.Valid || !result.errors().isEmpty());
        result.errors().forEach(e -> SecretRedactionTest.assertNoSecret(e.toString()));
        assertFalse(result.errors().stream().anyMatch(e -> e.path().isEmpty()));
    }

    @Provide
    Arbitrary<String> garbage() {
        final Arbitrary<String> yamlish = Arbitraries.of("", " ", "  ", "\n", "- ", ": ", "{", "}", "[", "]", ",",
                "&a ", "*a ", "!!binary ", "!!set ", "? ", "|", ">", "#", "\"", "'", "name", "ipsec-tunnels",
                "interfaces", "tunnel", "0x1F", "1e9", "~", "null", "true", "<<: ", "%YAML 1.2\n", "---\n", "...\n",
                "\t", "\u0000", "\uFEFF").list().ofMaxSize(40).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(yamlish, Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> damaged() {
        final Arbitrary<Integer> position = Arbitraries.integers().between(0, EXAMPLE.length() - 1);
        final Arbitrary<String> insert = Arbitraries.of("", "", " ", "\n", "  ", "- ", ":", "{", "[", "]", "\"", "x",
                "9", "-1", "null", "[]", "{}", "*a", "&a ", "? ");
        final Arbitrary<Integer> cut = Arbitraries.integers().between(0, 30);
        final Arbitrary<List<Object>> edit = Combinators.combine(position, cut, insert).as(List::of);
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            String text = EXAMPLE;
            for (final List<Object> e : edits) {
                final int at = Math.min((Integer) e.get(0), text.length());
                final int end = Math.min(text.length(), at + (Integer) e.get(1));
                text = text.substring(0, at) + e.get(2) + text.substring(end);
            }
            return text;
        });
    }
}

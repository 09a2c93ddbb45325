package io.xgate.controlplane.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static io.xgate.controlplane.config.ConfigFixture.GCM_KEY_HEX;
import static io.xgate.controlplane.config.ConfigFixture.GCM_KEY_TEXT;
import static io.xgate.controlplane.config.ConfigFixture.PSK;
import static io.xgate.controlplane.config.ConfigFixture.PSK_B;
import static io.xgate.controlplane.config.ConfigFixture.edited;
import static io.xgate.controlplane.config.ConfigFixture.errors;
import static io.xgate.controlplane.config.ConfigFixture.fullExample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Keys never show up in toString or in any error message, however the config around them is broken. */
class SecretRedactionTest {
    private static final String MARKER = "SeCrEtMaRkEr";
    private static final List<String> SECRETS = List.of(PSK, PSK_B, GCM_KEY_TEXT, GCM_KEY_HEX, MARKER, "correct horse");

    @Test
    void secretPrintsAsStars() {
        assertEquals("********", Secret.of(PSK.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void configToStringHoldsNoKey() {
        assertNoSecret(ConfigFixture.valid(fullExample()).toString());
    }

    static Stream<Arguments> brokenAroundAKey() {
        final String psk = "{key: \"" + PSK + "\"}";
        return Stream.of(
                Arguments.of(psk, "{key: \"" + PSK + "\", kee: 1}"),
                Arguments.of(psk, "{\"" + PSK + "\"}"),
                Arguments.of(psk, "{key: \"" + PSK + "\""),
                Arguments.of(psk, "{key: [\"" + PSK + "\"]}"),
                Arguments.of(psk, "{key: \"" + PSK + "\", key-env: NOT_SET}"),
                Arguments.of(psk, "\n        key: \"" + PSK + "\"\n       bad indent: x"),
                Arguments.of(GCM_KEY_TEXT, GCM_KEY_TEXT.substring(0, 20)),
                Arguments.of(GCM_KEY_TEXT, MARKER),
                Arguments.of(GCM_KEY_TEXT, GCM_KEY_TEXT + "\", " + MARKER + ": \"x"));
    }

    @ParameterizedTest
    @MethodSource("brokenAroundAKey")
    void errorsNeverQuoteTheKey(final String from, final String to) {
        final List<String> errors = errors(edited(from, to));

        assertFalse(errors.isEmpty(), "the edit should break the config");
        errors.forEach(SecretRedactionTest::assertNoSecret);
    }

    static void assertNoSecret(final String text) {
        for (final String secret : SECRETS) {
            assertFalse(text.contains(secret), () -> "leaked a secret: " + text);
        }
    }
}

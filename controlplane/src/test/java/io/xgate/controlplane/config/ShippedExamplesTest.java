package io.xgate.controlplane.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The configs the README points users at must stay valid. */
class ShippedExamplesTest {
    @Test
    void everyExampleValidates() throws IOException {
        final List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(examples.isEmpty());
        for (final Path example : examples) {
            assertInstanceOf(LoadResult.Valid.class, ConfigLoader.load(example), example.toString());
        }
    }
}

package io.xgate.controlplane.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpiProperties {

    @Property
    void spiRoundTrips(@ForAll @LongRange(max = 0xFFFF_FFFFL) final long value) {
        final Spi spi = new Spi(value);

        assertEquals(spi, Spi.parse(spi.toString()));
        assertEquals(spi, Spi.parse(spi.toString().toLowerCase(Locale.ROOT)));
        assertEquals(spi.isManualRange(), value >= 0x1000 && value <= 0x1FFF_FFFF);
    }

    @Property
    void nonHexSpiIsRejected(@ForAll("notHex") final String text) {
        assertThrows(IllegalArgumentException.class, () -> Spi.parse(text));
    }

    @Provide
    Arbitrary<String> notHex() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(12)
                .filter(s -> s.isEmpty() || s.length() > 8 || s.chars().anyMatch(c -> Character.digit(c, 16) < 0));
    }
}

package io.xgate.controlplane.config;

import java.util.regex.Pattern;

/** A Security Parameter Index written as hex, as PAN-OS writes it ({@code "00001001"}). */
public record Spi(long value) {

    /** PAN-OS range for manual SPIs; values below 0x1000 are left to IKE-negotiated SAs. */
    public static final Spi MIN_MANUAL = new Spi(0x1000);
    public static final Spi MAX_MANUAL = new Spi(0x1FFF_FFFF);

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,8}");

    public Spi {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SPI is 32 bits");
        }
    }

    public static Spi parse(final String text) {
        if (!HEX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a hex SPI of 1..8 digits: '" + text + "'");
        }
        return new Spi(Long.parseLong(text, 16));
    }

    public boolean isManualRange() {
        return value >= MIN_MANUAL.value && value <= MAX_MANUAL.value;
    }

    @Override
    public String toString() {
        return String.format("%08X", value);
    }
}

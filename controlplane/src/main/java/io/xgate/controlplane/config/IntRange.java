package io.xgate.controlplane.config;

/** An inclusive range of a numeric setting; its text is the one every range error uses. */
public record IntRange(int min, int max) {

    public boolean contains(final long value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}

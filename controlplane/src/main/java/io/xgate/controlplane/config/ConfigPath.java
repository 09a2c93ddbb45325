package io.xgate.controlplane.config;

/** Where a value sits in the document: keys joined by '.', list items by {@code [name]} or {@code [index]}. */
record ConfigPath(String text) {

    static final ConfigPath ROOT = new ConfigPath("");

    ConfigPath key(final String key) {
        return new ConfigPath(text.isEmpty() ? key : text + "." + key);
    }

    ConfigPath item(final String name) {
        return new ConfigPath(text + "[" + name + "]");
    }

    ConfigPath index(final int index) {
        return item(Integer.toString(index));
    }

    /** True when {@code other} is this path or inside it. */
    boolean encloses(final ConfigPath other) {
        return text.isEmpty() || other.text.equals(text) || other.text.startsWith(text + ".")
                || other.text.startsWith(text + "[");
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(document)" : text;
    }
}

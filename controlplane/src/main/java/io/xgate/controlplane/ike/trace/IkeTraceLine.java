package io.xgate.controlplane.ike.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One traced event of one gateway: {@code fields} in the order written. {@link #toString()} is the log line,
 * {@code gateway=G event=E key=value ...}, a value quoted when it holds blanks or quotes.
 */
public record IkeTraceLine(String gateway, String event, Map<String, String> fields) {
    private static final Pattern BARE = Pattern.compile("[^\\s\"]+");

    public IkeTraceLine {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
        final StringBuilder line = new StringBuilder("gateway=").append(quoted(gateway)).append(" event=")
                .append(event);
        fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(quoted(value)));
        return line.toString();
    }

    private static String quoted(final String value) {
        return BARE.matcher(value).matches() ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

package io.xgate.controlplane.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads '\n'-terminated UTF-8 lines, refusing any longer than a bound so a client cannot exhaust memory. */
final class LineReader {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;

    LineReader(final InputStream in, final int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its '\n'; empty at the end of the stream. */
    Optional<String> next() throws IOException {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (start == end) {
                end = in.read(buffer);
                start = 0;
                if (end <= 0) {
                    end = 0;
                    return line.size() == 0 ? Optional.empty() : Optional.of(text(line));
                }
            }
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, start, i - start);
                    start = i + 1;
                    checkLength(line);
                    return Optional.of(text(line));
                }
            }
            line.write(buffer, start, end - start);
            start = end;
            checkLength(line);
        }
    }

    private void checkLength(final ByteArrayOutputStream line) throws LineTooLongException {
        if (line.size() > maxBytes) {
            throw new LineTooLongException(maxBytes);
        }
    }

    private static String text(final ByteArrayOutputStream line) {
        return line.toString(StandardCharsets.UTF_8);
    }

    static final class LineTooLongException extends IOException {
        LineTooLongException(final int maxBytes) {
            super("request longer than " + maxBytes + " bytes");
        }
    }
}

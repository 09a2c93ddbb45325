package io.xgate.controlplane.daemon;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The {@code System.Logger}s of xgate (registered as the platform's LoggerFinder): one line per event on stderr
 * — time, level, component, message. Not java.util.logging, whose own shutdown hook closes its handlers while
 * the daemon's hook is still logging the shutdown. {@code -Dxgate.log=debug} adds debug lines (punted packets),
 * {@code -Dxgate.log=warning} leaves only warnings and errors (the bench's IKE initiator); the default level is
 * info, read when a logger is made, i.e. when its class is first used. IKE trace lines ({@link IkeTraceSink}) are
 * written at TRACE whatever the level: {@code debug ike gateway G on} is what turns them on.
 */
public final class OneLineLoggerFinder extends System.LoggerFinder {
    public static final String PROPERTY = "xgate.log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Override
    public System.Logger getLogger(final String name, final Module module) {
        final System.Logger.Level threshold = name.equals(IkeTraceSink.LOGGER) ? System.Logger.Level.TRACE
                : switch (System.getProperty(PROPERTY, "info").toLowerCase(Locale.ROOT)) {
                    case "debug" -> System.Logger.Level.DEBUG;
                    case "warning" -> System.Logger.Level.WARNING;
                    default -> System.Logger.Level.INFO;
                };
        return new OneLineLogger(name.substring(name.lastIndexOf('.') + 1), threshold, System.err);
    }

    private record OneLineLogger(String name, Level threshold, PrintStream out) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(final Level level) {
            return level != Level.OFF && level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String message, final Throwable thrown) {
            if (isLoggable(level)) {
                write(level, message + (thrown == null ? "" : ": " + thrown));
            }
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String format, final Object... params) {
            if (isLoggable(level)) {
                write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params));
            }
        }

        private void write(final Level level, final String message) {
            // One println per line, so lines of different threads never interleave.
            out.println(TIME.format(LocalDateTime.now()) + " " + String.format("%-7s", level.getName()) + " " + name
                    + ": " + message);
        }
    }
}

package io.xgate.controlplane.daemon;

import io.xgate.controlplane.api.EventBus;
import io.xgate.controlplane.ike.trace.IkeTraceLine;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the lines of {@code debug ike gateway G on} go: the log, at TRACE, and the management API's event stream
 * as {@code {"type":"ike-trace","gateway":G,"event":E,"fields":{...},"line":"..."}} for {@code --follow}. The
 * debug command is the switch: {@link OneLineLoggerFinder} writes this logger's lines at any log level.
 */
final class IkeTraceSink implements Consumer<IkeTraceLine> {
    /** The logger's name: its lines read {@code TRACE   IkeTrace: gateway=G event=...}. */
    static final String LOGGER = "io.xgate.controlplane.IkeTrace";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    /** A trace line as event-stream subscribers see it. */
    record TraceEvent(String type, String gateway, String event, Map<String, String> fields, String line) {
    }

    private final EventBus events;

    IkeTraceSink(final EventBus events) {
        this.events = events;
    }

    @Override
    public void accept(final IkeTraceLine line) {
        final String text = line.toString();
        LOG.log(Level.TRACE, text);
        events.publish(new TraceEvent("ike-trace", line.gateway(), line.event(), line.fields(), text));
    }
}

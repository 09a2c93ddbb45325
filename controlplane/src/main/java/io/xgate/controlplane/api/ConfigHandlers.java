package io.xgate.controlplane.api;

import io.xgate.controlplane.commit.CommitResult;
import io.xgate.controlplane.commit.ConfigService;
import io.xgate.controlplane.commit.HistoryEntry;

import java.util.Map;

/** The {@code config.*} and {@code commit} commands, served by a {@link ConfigService}. */
public final class ConfigHandlers {
    private final ConfigService config;
    private final EventBus events;

    private ConfigHandlers(final ConfigService config, final EventBus events) {
        this.config = config;
        this.events = events;
    }

    /** A commit as subscribers see it. */
    public record CommitEvent(String type, int version, String user, String comment, String changes) {
        static CommitEvent of(final HistoryEntry entry) {
            return new CommitEvent("commit", entry.version(), entry.user(), entry.comment(), entry.changes());
        }
    }

    public static void register(final ManagementServer server, final ConfigService config, final EventBus events) {
        final ConfigHandlers h = new ConfigHandlers(config, events);
        server.register("config.load", r -> {
            config.load(r.string("yaml"));
            return Map.of("candidate", "loaded");
        });
        server.register("config.set", r -> {
            config.set(r.string("path"), r.string("value"));
            return Map.of("path", r.string("path"));
        });
        server.register("config.delete", r -> {
            config.delete(r.string("path"));
            return Map.of("path", r.string("path"));
        });
        server.register("config.show", r -> {
            final boolean running = r.bool("running", false);
            return Map.of("source", running ? "running" : "candidate", "yaml", config.show(running));
        });
        server.register("config.diff", r -> Map.of("lines", config.diff()));
        server.register("commit", r -> h.committed(config.commit(r.user(), r.string("comment", ""))));
        server.register("config.rollback", r -> h.committed(config.rollback(r.integer("version"), r.user())));
        server.register("config.history", r -> Map.of("versions", config.history()));
    }

    private Object committed(final CommitResult result) throws RequestFailedException {
        return switch (result) {
            case CommitResult.Committed(final HistoryEntry entry) -> {
                events.publish(CommitEvent.of(entry));
                yield entry;
            }
            case CommitResult.Invalid(final var errors) -> throw new RequestFailedException("the candidate has "
                    + errors.size() + (errors.size() == 1 ? " error" : " errors") + "; nothing was applied",
                    Map.of("errors", errors));
            case CommitResult.Failed(final String error) -> throw new RequestFailedException(error, null);
        };
    }
}

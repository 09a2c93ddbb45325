package io.xgate.controlplane.cli;

import io.xgate.controlplane.api.ManagementClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options every API command takes: {@code --socket PATH} (else {@code $XGATE_SOCKET}, else the default
 * socket) and {@code --json} (print the raw result); {@code rest} is what the command itself reads.
 */
record ManagementOptions(Path socket, boolean json, List<String> rest) {
    static final String SOCKET_VARIABLE = "XGATE_SOCKET";

    static ManagementOptions parse(final List<String> args, final Map<String, String> env) throws UsageException {
        Path socket = env.containsKey(SOCKET_VARIABLE) ? Path.of(env.get(SOCKET_VARIABLE))
                : ManagementClient.DEFAULT_SOCKET;
        boolean json = false;
        final List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--socket" -> {
                    if (i + 1 == args.size()) {
                        throw new UsageException();
                    }
                    socket = Path.of(args.get(++i));
                }
                case "--json" -> json = true;
                default -> rest.add(args.get(i));
            }
        }
        return new ManagementOptions(socket, json, List.copyOf(rest));
    }
}

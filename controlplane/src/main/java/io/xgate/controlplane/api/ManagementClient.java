package io.xgate.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A connection to the management API: what the CLI (and scripts) talk to the daemon through. */
public final class ManagementClient implements AutoCloseable {
    /** Where the daemon listens unless told otherwise ({@code device.management-socket}). */
    public static final Path DEFAULT_SOCKET = Path.of("/run/xgate/xgate.sock");

    private final SocketChannel channel;
    private final LineReader reader;

    private ManagementClient(final SocketChannel channel) {
        this.channel = channel;
        this.reader = new LineReader(Channels.newInputStream(channel), Protocol.MAX_LINE_BYTES);
    }

    public static ManagementClient connect(final Path socket) throws IOException {
        final SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (final IOException e) {
            channel.close();
            throw new IOException("cannot reach the xgate daemon at " + socket + " (" + e.getMessage()
                    + "); is 'xgate run' running?", e);
        }
        return new ManagementClient(channel);
    }

    /** Sends one request and returns its result. */
    public JsonNode call(final String cmd, final Map<String, ?> args) throws IOException, ManagementException {
        send(cmd, args);
        final JsonNode response = read().orElseThrow(() -> new IOException("the daemon closed the connection"));
        if (!response.path("ok").asBoolean(false)) {
            throw new ManagementException(response);
        }
        return response.path("result");
    }

    /** Subscribes to events and hands each to {@code onEvent} until the connection ends. */
    public void subscribe(final Consumer<JsonNode> onEvent) throws IOException, ManagementException {
        subscribe();
        events(onEvent);
    }

    /** Subscribes to events: from now on this connection receives them, read with {@link #events}. */
    public void subscribe() throws IOException, ManagementException {
        call(ManagementServer.SUBSCRIBE, Map.of());
    }

    /** Hands each event of a subscribed connection to {@code onEvent} until the connection ends. */
    public void events(final Consumer<JsonNode> onEvent) throws IOException {
        Optional<JsonNode> event;
        while ((event = read()).isPresent()) {
            onEvent.accept(event.get());
        }
    }

    private void send(final String cmd, final Map<String, ?> args) throws IOException {
        final ByteBuffer bytes = ByteBuffer.wrap(Protocol.line(Protocol.request(cmd, args))
                .getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private Optional<JsonNode> read() throws IOException {
        final Optional<String> line = reader.next();
        return line.isEmpty() ? Optional.empty() : Optional.of(Protocol.JSON.readTree(line.get()));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

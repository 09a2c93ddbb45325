package io.xgate.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.net.ExtendedSocketOptions;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The management API on a Unix domain socket (mode 0600: only root, or whoever runs the daemon, may manage
 * it). One thread accepts; each connection gets a virtual thread that answers requests line by line.
 * Nothing a client sends can stop the server: bad JSON, unknown commands and failing handlers all become
 * error responses, and an oversized request closes only its connection.
 */
public final class ManagementServer implements AutoCloseable {
    public static final String SUBSCRIBE = "events.subscribe";
    static final int MAX_CONNECTIONS = 64;
    private static final Logger LOG = Logger.getLogger(ManagementServer.class.getName());
    private static final long EVENT_POLL_MILLIS = 200;

    private final Path socket;
    private final EventBus events;
    private final int maxRequestBytes;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private ServerSocketChannel server;
    private Thread acceptor;
    private volatile boolean closed;

    public ManagementServer(final Path socket, final EventBus events) {
        this(socket, events, Protocol.MAX_LINE_BYTES);
    }

    ManagementServer(final Path socket, final EventBus events, final int maxRequestBytes) {
        this.socket = socket;
        this.events = events;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Registers the handler of {@code cmd}; the daemon adds its {@code show}/{@code test}/{@code clear} ones. */
    public void register(final String cmd, final Handler handler) {
        if (cmd.equals(SUBSCRIBE) || handlers.putIfAbsent(cmd, handler) != null) {
            throw new IllegalArgumentException("command " + cmd + " is already registered");
        }
    }

    /** Binds the socket (replacing a stale one a crashed daemon left) and starts accepting. */
    public void start() throws IOException {
        Files.createDirectories(socket.toAbsolutePath().getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        // Right after bind: the socket exists with the umask's mode until this call.
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        acceptor = Thread.ofPlatform().name("xgate-mgmt-accept").daemon().start(this::acceptLoop);
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                slots.acquire();
                final SocketChannel channel = server.accept();
                connections.add(channel);
                Thread.ofVirtual().name("xgate-mgmt-conn").start(() -> serve(channel));
            } catch (final ClosedChannelException | InterruptedException e) {
                return;
            } catch (final IOException e) {
                slots.release();
                LOG.log(Level.WARNING, "management socket accept failed", e);
            }
        }
    }

    private void serve(final SocketChannel channel) {
        try (channel) {
            converse(channel);
        } catch (final IOException | InterruptedException e) {
            // The client went away or the server is closing; nothing to answer.
        } finally {
            connections.remove(channel);
            slots.release();
        }
    }

    private void converse(final SocketChannel channel) throws IOException, InterruptedException {
        final String user = peer(channel);
        final LineReader reader = new LineReader(Channels.newInputStream(channel), maxRequestBytes);
        try {
            Optional<String> line;
            while ((line = reader.next()).isPresent()) {
                final Optional<Request> request = parse(line.get(), channel);
                if (request.isEmpty()) {
                    continue;
                }
                if (request.get().cmd().equals(SUBSCRIBE)) {
                    stream(channel);
                    return;
                }
                write(channel, answer(request.get().withUser(user)));
            }
        } catch (final LineReader.LineTooLongException e) {
            // The rest of the line cannot be told from the next request: answer, then hang up.
            write(channel, Protocol.error(e.getMessage(), null));
        }
    }

    /** The request on a line, or empty after answering why it is not one. */
    private Optional<Request> parse(final String line, final SocketChannel channel) throws IOException {
        final JsonNode node;
        try {
            node = Protocol.JSON.readTree(line);
        } catch (final JsonProcessingException e) {
            // Never the parser's message: it quotes the request, which may carry a key.
            write(channel, Protocol.error("malformed request: not JSON (column "
                    + e.getLocation().getColumnNr() + ")", null));
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.path("cmd").isTextual()) {
            write(channel, Protocol.error("malformed request: expected {\"v\":1,\"cmd\":\"...\",\"args\":{...}}",
                    null));
            return Optional.empty();
        }
        if (node.path("v").asInt(-1) != Protocol.VERSION) {
            write(channel, Protocol.error("unsupported protocol version " + node.get("v") + ", this server speaks "
                    + Protocol.VERSION, null));
            return Optional.empty();
        }
        final JsonNode args = node.path("args");
        return Optional.of(new Request(node.get("cmd").asText(),
                args.isObject() ? args : Protocol.JSON.createObjectNode(), ""));
    }

    private ObjectNode answer(final Request request) {
        final Handler handler = handlers.get(request.cmd());
        if (handler == null) {
            final Set<String> known = new TreeSet<>(handlers.keySet());
            known.add(SUBSCRIBE);
            return Protocol.error("unknown command '" + request.cmd() + "'; commands: " + String.join(", ", known),
                    null);
        }
        try {
            return Protocol.ok(handler.handle(request));
        } catch (final RequestFailedException e) {
            return Protocol.error(e.getMessage(), e.details());
        } catch (final IllegalArgumentException e) {
            return Protocol.error(e.getMessage(), null);
        } catch (final Exception e) {
            LOG.log(Level.WARNING, "management command " + request.cmd() + " failed", e);
            return Protocol.error(request.cmd() + " failed: " + e.getMessage(), null);
        }
    }

    /** Answers the subscription, then forwards events until the client or the server goes away. */
    private void stream(final SocketChannel channel) throws IOException, InterruptedException {
        try (EventBus.Subscription subscription = events.subscribe()) {
            write(channel, Protocol.ok(Map.of("subscribed", true)));
            while (!closed) {
                final String line = subscription.poll(EVENT_POLL_MILLIS);
                if (line != null) {
                    writeText(channel, line);
                }
            }
        }
    }

    /** The peer's user name as the kernel reports it, so history says who committed. */
    private static String peer(final SocketChannel channel) {
        try {
            return channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
        } catch (final IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    private static void write(final SocketChannel channel, final JsonNode response) throws IOException {
        writeText(channel, Protocol.line(response));
    }

    private static void writeText(final SocketChannel channel, final String text) throws IOException {
        final ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() throws IOException {
        closed = true;
        if (server != null) {
            server.close();
        }
        if (acceptor != null) {
            acceptor.interrupt();
        }
        for (final SocketChannel channel : connections) {
            channel.close();
        }
        Files.deleteIfExists(socket);
    }
}

package io.xgate.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every test is bounded: a protocol bug shows as a failure, not a hung build. */
@Timeout(30)
class ManagementServerTest {
    private static final int MAX_REQUEST = 4096;

    @TempDir
    Path dir;
    private final EventBus events = new EventBus();
    private ManagementServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ManagementServer(dir.resolve("xgate.sock"), events, MAX_REQUEST);
        server.register("echo", r -> Map.of("x", r.integer("x"), "user", r.user()));
        server.register("boom", r -> {
            throw new IllegalStateException("handler broke");
        });
        server.register("refuse", r -> {
            throw new RequestFailedException("refused", Map.of("errors", List.of(Map.of("path", "a", "message", "b"))));
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Sends raw lines on one connection and reads as many response lines. */
    private List<String> exchange(final String... lines) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(server.socket()));
            channel.write(ByteBuffer.wrap(String.join("", lines).getBytes(StandardCharsets.UTF_8)));
            final BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            final List<String> responses = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                responses.add(in.readLine());
            }
            return responses;
        }
    }

    private static void assertJson(final List<String> expected, final List<String> actual) throws IOException {
        assertEquals(expected.size(), actual.size(), String.valueOf(actual));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Protocol.JSON.readTree(expected.get(i)), Protocol.JSON.readTree(actual.get(i)), actual.get(i));
        }
    }

    @Test
    void socketIsForItsOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket())));
    }

    @Test
    void everyBadRequestGetsAnErrorAndTheConnectionKeepsServing() throws IOException {
        final String user = System.getProperty("user.name");
        assertJson(List.of(
                        "{\"v\":1,\"ok\":false,\"error\":\"malformed request: not JSON (column 1)\"}",
                        "{\"v\":1,\"ok\":false,\"error\":\"malformed request: expected {\\\"v\\\":1,\\\"cmd\\\":\\\"...\\\","
                                + "\\\"args\\\":{...}}\"}",
                        "{\"v\":1,\"ok\":false,\"error\":\"unsupported protocol version 2, this server speaks 1\"}",
                        "{\"v\":1,\"ok\":false,\"error\":\"unknown command 'nope'; commands: boom, echo, "
                                + "events.subscribe, refuse\"}",
                        "{\"v\":1,\"ok\":false,\"error\":\"boom failed: handler broke\"}",
                        "{\"v\":1,\"ok\":false,\"error\":\"argument 'x' (an integer) is required\"}",
                        "{\"v\":1,\"ok\":false,\"error\":\"refused\",\"details\":{\"errors\":[{\"path\":\"a\","
                                + "\"message\":\"b\"}]}}",
                        "{\"v\":1,\"ok\":true,\"result\":{\"x\":7,\"user\":\"" + user + "\"}}"),
                exchange("secret-0011223344\n",
                        "[1,2]\n",
                        "{\"v\":2,\"cmd\":\"echo\"}\n",
                        "{\"v\":1,\"cmd\":\"nope\"}\n",
                        "{\"v\":1,\"cmd\":\"boom\"}\n",
                        "{\"v\":1,\"cmd\":\"echo\",\"args\":{\"x\":\"seven\"}}\n",
                        "{\"v\":1,\"cmd\":\"refuse\"}\n",
                        "{\"v\":1,\"cmd\":\"echo\",\"args\":{\"x\":7}}\n"));
    }

    @Test
    void anOversizedRequestClosesOnlyItsConnection() throws Exception {
        final List<String> answer = exchange("{\"v\":1,\"cmd\":\"echo\",\"args\":{\"pad\":\"" + "x".repeat(MAX_REQUEST)
                + "\"}}\n", "");
        assertEquals("{\"v\":1,\"ok\":false,\"error\":\"request longer than 4096 bytes\"}", answer.get(0));
        assertNull(answer.get(1), "the server hung up");
        try (ManagementClient client = ManagementClient.connect(server.socket())) {
            assertEquals(7, client.call("echo", Map.of("x", 7)).path("x").asInt());
        }
    }

    @Test
    void clientSeesTheErrorAndItsDetails() throws IOException {
        try (ManagementClient client = ManagementClient.connect(server.socket())) {
            final ManagementException e = assertThrows(ManagementException.class,
                    () -> client.call("refuse", Map.of()));
            assertEquals("refused", e.getMessage());
            assertEquals("a", e.details().path("errors").path(0).path("path").asText());
        }
    }

    @Test
    void subscribersReceivePublishedEventsAsLines() throws Exception {
        final BlockingQueue<JsonNode> received = new ArrayBlockingQueue<>(4);
        final ManagementClient client = ManagementClient.connect(server.socket());
        final Thread reader = Thread.ofVirtual().start(() -> {
            try {
                client.subscribe(received::add);
            } catch (final IOException | ManagementException e) {
                // The test closes the connection to end the subscription.
            }
        });
        record TunnelState(String tunnel, String state) {
        }
        // The subscription registers after its request is read; publish until it has.
        JsonNode event = null;
        for (int i = 0; i < 50 && event == null; i++) {
            events.publish(new TunnelState("to-b", "up"));
            event = received.poll(100, TimeUnit.MILLISECONDS);
        }
        client.close();
        reader.join(5000);

        assertEquals("{\"v\":1,\"event\":{\"tunnel\":\"to-b\",\"state\":\"up\"}}", String.valueOf(event));
        assertFalse(reader.isAlive());
    }

    @Test
    void connectingWithoutADaemonSaysWhere() {
        final IOException e = assertThrows(IOException.class, () -> ManagementClient.connect(dir.resolve("none")));
        assertEquals(true, e.getMessage().startsWith("cannot reach the xgate daemon at " + dir.resolve("none")));
    }
}

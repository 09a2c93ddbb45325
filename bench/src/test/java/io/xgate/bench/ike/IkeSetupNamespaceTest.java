package io.xgate.bench.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code xgate bench ike-setup} with a tiny count: the bench's initiator against {@code xgate run} and against
 * strongSwan's charon, each responder in a namespace of its own. Every SA of every run is counted by the
 * responder itself; no timing is asserted. Needs root, strongSwan (charon, swanctl) and jcmd.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class IkeSetupNamespaceTest {

    @Test
    void bothRespondersEstablishEverySaOfEveryRunAndProcessesAndNamespacesAreGoneAfter() throws Exception {
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();
        final IkeSetup.Settings settings = new IkeSetup.Settings(20, 20, 1, 8, IkeSetup.DUTS, Duration.ofSeconds(30));
        final SetupReport report = IkeSetup.run(settings, new PrintStream(progress, true, StandardCharsets.UTF_8));
        final String log = progress.toString(StandardCharsets.UTF_8);

        assertEquals(List.of("xgate", "strongswan"), report.duts(), log);
        assertEquals(4, report.runs().size(), "a warm-up/memory run and one measured run per DUT");
        for (final SetupRun run : report.runs()) {
            assertEquals(20, run.established(), run + "\n" + log);
            assertEquals(0, run.failed(), run + "\n" + log);
            assertEquals(20, run.responderSas(), "the responder's own count: " + run + "\n" + log);
            assertTrue(run.responderCpuSeconds() >= 0 && run.initiatorCpuSeconds() > 0, run.toString());
        }
        for (final String dut : report.duts()) {
            assertTrue(report.medianRate(dut) > 0, dut);
            assertFalse(Double.isNaN(report.memoryPerSa(dut)), dut + " measured its memory in the first run");
        }
        assertTrue(report.table().contains("| xgate |") && report.table().contains("| strongswan | "), report.table());
        assertFalse(log.contains("still holds"), "every run's SAs were deleted at the responder:\n" + log);
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList(),
                "xgate run and charon stopped");
        final Matcher names = Pattern.compile("(?m)^namespaces: (.+)$").matcher(log);
        assertTrue(names.find(), log);
        final List<String> namespaces = List.of(names.group(1).split(" "));
        assertEquals(3, namespaces.size(), namespaces.toString());
        for (final String namespace : namespaces) {
            assertFalse(Files.exists(Path.of("/run/netns", namespace)), namespace + " removed");
        }
    }
}

package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.SecretSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.xgate.controlplane.commit.CommitFixture.example;
import static io.xgate.controlplane.commit.CommitFixture.exampleWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM commits a second version and is killed with SIGKILL while it sits between writing a file and
 * renaming it into place; the store reopened afterwards must be exactly one of the two versions.
 */
class CrashRecoveryTest {
    static final String PARKED = "parked before rename";
    private static final String WIDER = "anti-replay-window: 2048";

    @TempDir
    Path dir;

    /** The child: commits the edited example, parking right before {@code args[1]} is renamed into place. */
    public static void main(final String[] args) throws Exception {
        final Path dir = Path.of(args[0]);
        final ConfigService service = ConfigService.open(dir, new RecordingTarget(),
                SecretSources.system(), CommitFixture.CLOCK, target -> {
                    if (target.getFileName().toString().equals(args[1])) {
                        System.out.println(PARKED);
                        System.out.flush();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (final InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        service.load(exampleWith("anti-replay-window: 1024", WIDER));
        service.commit("child", "never finished");
    }

    private void commitFirstVersion() throws IOException {
        final ConfigService service = CommitFixture.open(dir, new RecordingTarget());
        service.load(example());
        assertInstanceOf(CommitResult.Committed.class, service.commit("parent", "v1"));
    }

    private void killChildAt(final String file) throws Exception {
        final Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashRecoveryTest.class.getName(), dir.toString(), file)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(PARKED)) {
                // Skip anything else the child prints (JVM warnings).
            }
            assertEquals(PARKED, line, "the child reached the rename");
            // destroyForcibly sends SIGKILL to this PID on Linux: no shutdown hook, no finally block runs.
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
        } finally {
            child.destroyForcibly();
        }
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(dir), Files.list(dir.resolve("history")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(AtomicFile.TEMP_SUFFIX)).toList();
        }
    }

    @Test
    void killedBeforeRunningIsRenamedLeavesTheLastGoodRunningConfig() throws Exception {
        commitFirstVersion();
        killChildAt("running.yaml");
        assertEquals(1, leftovers().size(), "the crash left the new running config's temporary file");

        final ConfigService reopened = CommitFixture.open(dir, new RecordingTarget());

        assertEquals(example(), Files.readString(dir.resolve("running.yaml")));
        assertEquals(List.of(), leftovers());
        assertEquals(List.of(1), reopened.history().stream().map(HistoryEntry::version).toList());
        assertTrue(Files.notExists(dir.resolve("history/000002.yaml")), "the unfinished version is gone");
        assertTrue(String.join("\n", reopened.diff()).contains("+     anti-replay-window: 2048"),
                "the candidate the child loaded is still there to commit");
    }

    @Test
    void killedAfterRunningIsRenamedKeepsTheNewVersionAndRecoversItsHistory() throws Exception {
        commitFirstVersion();
        killChildAt("000002.json");

        final ConfigService reopened = CommitFixture.open(dir, new RecordingTarget());

        assertTrue(Files.readString(dir.resolve("running.yaml")).contains(WIDER));
        assertEquals(List.of(), leftovers());
        final List<HistoryEntry> history = reopened.history();
        assertEquals(List.of(1, 2), history.stream().map(HistoryEntry::version).toList());
        assertTrue(history.getLast().comment().startsWith("recovered after a crash"), history.getLast().comment());
    }
}

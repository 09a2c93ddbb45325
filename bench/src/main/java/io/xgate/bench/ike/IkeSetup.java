package io.xgate.bench.ike;

import io.xgate.controlplane.ike.policy.GatewayPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs {@code xgate bench ike-setup}: builds the namespaces, starts the responders and the initiator, then per DUT
 * a first run that warms up (the JIT of both JVMs, xgate's and the bench's, keeps compiling for a few thousand SAs)
 * and measures memory (responder memory before, {@code warmUp} SAs, memory after), then
 * {@code runs} measured runs per DUT taking turns (A, B, A, B, ...), so a burst of the machine's noise hits both.
 * After every run the initiator deletes its SAs and waits (bounded) until the responder has none left.
 */
final class IkeSetup {
    static final List<String> DUTS = List.of("xgate", "strongswan");
    private static final long DRAIN_MILLIS = 30_000;

    /**
     * What to run: SAs of the first (warm-up and memory) run per DUT, SAs per measured run, measured runs per DUT,
     * SAs negotiating at once, DUTs, time limit of a run.
     */
    record Settings(int warmUp, int sas, int runs, int window, List<String> duts, Duration runLimit) {
        Settings {
            duts = List.copyOf(duts);
            if (warmUp < 1 || sas < 1 || runs < 1 || window < 1) {
                throw new IllegalArgumentException("--warm-up, --sas, --runs and --window must be at least 1");
            }
            if (warmUp + (long) sas * runs > InitiatorPolicies.MAX) {
                throw new IllegalArgumentException("--warm-up + --sas x --runs must stay within "
                        + InitiatorPolicies.MAX + " (one initiator identity and address each)");
            }
            for (final String dut : duts) {
                if (!DUTS.contains(dut)) {
                    throw new IllegalArgumentException("unknown DUT " + dut + "; one of " + String.join(", ", DUTS));
                }
            }
        }
    }

    /** One DUT during the run: the responder, the initiator's gateways toward it, the next initiator index. */
    private static final class Target {
        final IkeResponder responder;
        final InitiatorPolicies policies;
        int nextIndex;

        Target(final IkeResponder responder, final InitiatorPolicies policies) {
            this.responder = responder;
            this.policies = policies;
        }
    }

    private IkeSetup() {
    }

    /**
     * Runs the benchmark. Everything it starts is stopped by PID and the namespaces and files go at the end — also
     * when the JVM is told to stop meanwhile (Ctrl-C), through a shutdown hook.
     */
    static SetupReport run(final Settings settings, final PrintStream progress) throws IOException {
        final Path dir = Files.createTempDirectory("xgate-ike-setup");
        final List<IkeResponder> responders = new CopyOnWriteArrayList<>();
        final IkeSetupLab lab;
        try {
            lab = IkeSetupLab.create();
        } catch (final IOException | RuntimeException e) {
            removeDirectory(dir);
            throw e;
        }
        final AtomicBoolean cleaned = new AtomicBoolean();
        final Runnable cleanUp = () -> {
            if (cleaned.compareAndSet(false, true)) {
                responders.reversed().forEach(IkeResponder::close);
                lab.close();
                removeDirectory(dir);
            }
        };
        final Thread onExit = new Thread(cleanUp, "ike-setup-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            return measure(settings, lab, dir, responders, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
                cleanUp.run();
            } catch (final IllegalStateException shuttingDown) {
                // the hook is running or about to: it cleans up
            }
        }
    }

    private static SetupReport measure(final Settings settings, final IkeSetupLab lab, final Path dir,
                                       final List<IkeResponder> responders, final PrintStream progress)
            throws IOException {
        final String psk = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        final List<Target> targets = new ArrayList<>();
        for (final String dut : settings.duts()) {
            progress.println("setting up DUT " + dut + " ...");
            targets.add(start(lab, dut, psk, settings, dir, responders));
        }
        progress.println("namespaces: " + String.join(" ", lab.names()));
        try (SetupInitiator initiator = SetupInitiator.open(lab.initiator(),
                targets.stream().map(t -> t.policies.localAddress()).collect(Collectors.toSet()))) {
            final List<SetupRun> runs = new ArrayList<>();
            for (final Target target : targets) {
                runs.add(once(initiator, target, 0, settings, progress));
            }
            for (int run = 1; run <= settings.runs(); run++) {
                for (final Target target : targets) {
                    runs.add(once(initiator, target, run, settings, progress));
                }
            }
            return new SetupReport(settings.sas(), settings.window(), SetupReport.measures(responders), runs);
        }
    }

    private static Target start(final IkeSetupLab lab, final String dut, final String psk, final Settings settings,
                                final Path dir, final List<IkeResponder> started) throws IOException {
        final boolean xgate = dut.equals("xgate");
        final IkeSetupLab.Link link = xgate ? lab.addResponder("xg", "192.0.2", "02:78:62:00:0c")
                : lab.addResponder("sw", "198.51.100", "02:78:62:00:0d");
        final IkeResponder responder = xgate
                ? XgateResponder.start(link.responder(), link.responderDevice(), link.responderAddress(), psk,
                        Math.max(settings.sas(), settings.warmUp()), dir.resolve(dut))
                : StrongswanResponder.start(link.responder(), link.responderDevice(), link.responderAddress(), psk,
                        dir.resolve(dut));
        started.add(responder);
        return new Target(responder, InitiatorPolicies.toward(link.initiatorDevice(), link.initiatorAddress(),
                link.responderAddress(), psk));
    }

    /** One run: run 0 also measures the responder's memory around it. */
    private static SetupRun once(final SetupInitiator initiator, final Target target, final int run,
                                 final Settings settings, final PrintStream progress) throws IOException {
        final IkeResponder responder = target.responder;
        final String label = String.format(Locale.ROOT, "%s %s", responder.name(),
                run == 0 ? "warm-up/memory run" : "run " + run + "/" + settings.runs());
        final int before = responder.establishedSas();
        final long memoryBefore = run == 0 ? responder.memoryBytes() : -1;
        final int first = target.nextIndex;
        final int sas = run == 0 ? settings.warmUp() : settings.sas();
        final List<GatewayPolicy> policies = IntStream.range(first, first + sas)
                .mapToObj(target.policies::policy).toList();
        target.nextIndex += sas;
        final long cpuBefore = responder.cpuNanos();
        final long initiatorCpuBefore = ProcessCpu.nanos(ProcessHandle.current().pid());
        final SetupInitiator.Result result = initiator.establish(policies, settings.window(),
                settings.runLimit().toNanos(), (up, failed, total, elapsed) -> progress.printf(Locale.ROOT,
                        "\r%s: %d/%d up, %d failed, %.1f s   ", label, up, total, failed, elapsed / 1e9));
        final long cpu = responder.cpuNanos() - cpuBefore;
        final long initiatorCpu = ProcessCpu.nanos(ProcessHandle.current().pid()) - initiatorCpuBefore;
        final int responderSas = responder.establishedSas() - before;
        final long memoryAfter = run == 0 ? responder.memoryBytes() : -1;
        final SetupRun outcome = new SetupRun(responder.name(), run, sas, result.established(),
                result.failed(), result.nanos() / 1e9, responderSas, cpu / 1e9, initiatorCpu / 1e9, memoryBefore,
                memoryAfter, result.firstFailure());
        progress.printf(Locale.ROOT, "\r%s: %d/%d up in %.2f s, %.0f setups/s, CPU per SA %.2f ms responder, %.2f ms "
                        + "initiator; the responder counts %d%s%n", label, outcome.established(), outcome.sas(),
                outcome.seconds(), outcome.setupsPerSecond(), outcome.cpuMillisPerSa(),
                outcome.initiatorCpuMillisPerSa(), responderSas,
                result.firstFailure() == null ? "" : "; first failure: " + result.firstFailure());
        initiator.deleteAll(settings.window(), TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS));
        awaitDrained(responder, before, progress);
        return outcome;
    }

    /** Until the responder is back to {@code count} SAs, at most 30 s; says so when it is not. */
    private static void awaitDrained(final IkeResponder responder, final int count, final PrintStream progress)
            throws IOException {
        final long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        int left;
        while ((left = responder.establishedSas()) > count) {
            if (System.currentTimeMillis() > deadline) {
                progress.printf("%s still holds %d SAs of the last run after its Deletes%n", responder.name(),
                        left - count);
                return;
            }
            XgateResponder.pause(100);
        }
    }

    private static void removeDirectory(final Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final IOException e) {
            System.err.println("ike-setup: could not remove " + dir + ": " + e.getMessage());
        }
    }
}

package io.xgate.linux.sys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A throwaway lab for tests that need real devices: veth pairs whose root-namespace ends ({@code xgt...})
 * stay here for AF_XDP and XDP, and whose peers ({@code xgp...}) live in a fresh namespace {@code xg-...}
 * (one for all peers, or one per peer when they play hosts on different networks behind a gateway)
 * where traffic is made with {@code peer.py}. Pair i uses 198.51.100.0/24 (i = 0) or 203.0.113.0/24
 * (i = 1) and 2001:db8:i::/64; the root end is .1 / ::1, the peer .2 / ::2. {@link #close()} removes it all.
 */
public final class VethLab implements AutoCloseable {
    private static final String[] IPV4_NETS = {"198.51.100.", "203.0.113."};
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final String tag;
    private final int pairs;
    private final boolean namespacePerPair;
    private final Path peerScript;
    private final List<Process> started = new ArrayList<>();

    private VethLab(String tag, int pairs, boolean namespacePerPair, Path peerScript) {
        this.tag = tag;
        this.pairs = pairs;
        this.namespacePerPair = namespacePerPair;
        this.peerScript = peerScript;
    }

    /** All peers in one namespace. */
    public static VethLab create(int pairs) throws IOException {
        return create(pairs, false);
    }

    /** Every peer in a namespace of its own, so traffic between peers has to cross the root namespace. */
    public static VethLab createNamespacePerPair(int pairs) throws IOException {
        return create(pairs, true);
    }

    private static VethLab create(int pairs, boolean namespacePerPair) throws IOException {
        if (pairs < 1 || pairs > IPV4_NETS.length) {
            throw new IllegalArgumentException("1 or 2 pairs: " + pairs);
        }
        String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        Path script = Files.createTempFile("xgate-peer", ".py");
        try (InputStream in = VethLab.class.getResourceAsStream("peer.py")) {
            Files.write(script, in.readAllBytes());
        }
        VethLab lab = new VethLab(tag, pairs, namespacePerPair, script);
        try {
            lab.build();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void build() throws IOException {
        for (String namespace : namespaces()) {
            run("ip", "netns", "add", namespace);
            run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        }
        for (int i = 0; i < pairs; i++) {
            run("ip", "link", "add", rootName(i), "address", rootMac(i), "type", "veth",
                    "peer", "name", peerName(i), "address", peerMac(i));
            run("ip", "link", "set", peerName(i), "netns", namespace(i));
            run("ip", "addr", "add", rootIpv4(i) + "/24", "dev", rootName(i));
            run("ip", "addr", "add", rootIpv6(i) + "/64", "dev", rootName(i), "nodad");
            run("ip", "link", "set", rootName(i), "up");
            inNamespace(i, "ip", "addr", "add", peerIpv4(i) + "/24", "dev", peerName(i));
            inNamespace(i, "ip", "addr", "add", peerIpv6(i) + "/64", "dev", peerName(i), "nodad");
            inNamespace(i, "ip", "link", "set", peerName(i), "up");
        }
    }

    /** The namespace holding the peer end of {@code pair}. */
    public String namespace(int pair) {
        return namespacePerPair ? "xg-" + tag + "-" + pair : "xg-" + tag;
    }

    private List<String> namespaces() {
        return namespacePerPair ? IntStream.range(0, pairs).mapToObj(this::namespace).toList() : List.of(namespace(0));
    }

    public String rootName(int pair) {
        return "xgt" + tag + pair;
    }

    public String peerName(int pair) {
        return "xgp" + tag + pair;
    }

    public int rootIndex(int pair) {
        return Libc.ifNameToIndex(rootName(pair));
    }

    public String rootMac(int pair) {
        return "02:78:67:00:0" + pair + ":01";
    }

    public String peerMac(int pair) {
        return "02:78:67:00:0" + pair + ":02";
    }

    public String rootIpv4(int pair) {
        return IPV4_NETS[pair] + "1";
    }

    public String peerIpv4(int pair) {
        return IPV4_NETS[pair] + "2";
    }

    public String rootIpv6(int pair) {
        return "2001:db8:" + pair + "::1";
    }

    public String peerIpv6(int pair) {
        return "2001:db8:" + pair + "::2";
    }

    public static byte[] macBytes(String mac) {
        return HexFormat.ofDelimiter(":").parseHex(mac);
    }

    /** Runs a command in the root namespace and returns its output; fails on a non-zero exit. */
    public static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
        }
        return output;
    }

    /** Runs a command in pair 0's namespace (every pair's, unless each has its own). */
    public String inNamespace(String... command) throws IOException {
        return inNamespace(0, command);
    }

    public String inNamespace(int pair, String... command) throws IOException {
        return run(namespaceCommand(pair, command));
    }

    /** peer.py in pair 0's namespace, waited for; returns its output. */
    public String peer(String... arguments) throws IOException {
        return peer(0, arguments);
    }

    public String peer(int pair, String... arguments) throws IOException {
        return inNamespace(pair, peerCommand(arguments));
    }

    /** peer.py in pair 0's namespace, left running (e.g. a receiver); stopped by {@link #close()} at the latest. */
    public Process startPeer(String... arguments) throws IOException {
        return startPeer(0, arguments);
    }

    public Process startPeer(int pair, String... arguments) throws IOException {
        Process process = new ProcessBuilder(namespaceCommand(pair, peerCommand(arguments)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    private String[] peerCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", peerScript.toString()));
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    private String[] namespaceCommand(int pair, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace(pair)));
        full.addAll(List.of(command));
        return full.toArray(String[]::new);
    }

    @Override
    public void close() throws IOException {
        for (Process process : started) {
            process.destroyForcibly();
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            if (Files.exists(Path.of("/sys/class/net", rootName(i)))) {
                quietly(failures, "ip", "link", "del", rootName(i));
            }
        }
        for (String namespace : namespaces()) {
            if (Files.exists(Path.of("/run/netns", namespace))) {
                quietly(failures, "ip", "netns", "del", namespace);
            }
        }
        Files.deleteIfExists(peerScript);
        if (!failures.isEmpty()) {
            throw new IOException("lab cleanup: " + failures);
        }
    }

    private static void quietly(List<String> failures, String... command) {
        try {
            run(command);
        } catch (IOException e) {
            failures.add(e.getMessage());
        }
    }
}

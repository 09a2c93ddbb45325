package io.xgate.controlplane.daemon;

import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Numbered UDP datagrams from host-a to host-b on a fixed schedule (lab_traffic.py seq-send / seq-recv), so every
 * lost number is a known moment: an outage is the run of numbers lost between two delivered ones, and lasts from
 * the first lost to the first delivered packet.
 */
public final class SequencedTraffic {
    private static final String PORT = "7002";

    private final int intervalMillis;
    private final Process receiver;
    private final BufferedReader received;
    private final Process sender;

    private SequencedTraffic(final int intervalMillis, final Process receiver, final BufferedReader received,
                             final Process sender) {
        this.intervalMillis = intervalMillis;
        this.receiver = receiver;
        this.received = received;
        this.sender = sender;
    }

    /** Starts the receiver (for {@code seconds} + 2) and the sender (for {@code seconds}). */
    public static SequencedTraffic start(final TwoGatewayLab lab, final int intervalMillis, final double seconds)
            throws IOException {
        final Process receiver = lab.startTraffic(lab.hostNamespace(Side.B), "seq-recv", PORT,
                String.valueOf(seconds + 2));
        final BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                StandardCharsets.US_ASCII));
        if (!"ready".equals(out.readLine())) {
            throw new IOException("the receiver did not start");
        }
        final Process sender = lab.startTraffic(lab.hostNamespace(Side.A), "seq-send", TwoGatewayLab.HOST_B, PORT,
                String.valueOf(intervalMillis), String.valueOf(seconds));
        return new SequencedTraffic(intervalMillis, receiver, out, sender);
    }

    /** Waits for both ends to finish and returns what was lost, as outages in milliseconds, in order. */
    public Result finish() throws IOException, InterruptedException {
        final String sentLine = new String(sender.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        sender.waitFor();
        final String line = received.readLine();
        receiver.waitFor();
        final int sent = Integer.parseInt(sentLine);
        final BitSet got = new BitSet(sent);
        if (line != null && !line.isBlank()) {
            for (final String n : line.trim().split(" ")) {
                got.set(Integer.parseInt(n));
            }
        }
        final List<Long> outages = new ArrayList<>();
        final int first = got.nextSetBit(0);
        for (int lost = got.nextClearBit(Math.max(first, 0)); lost < sent && first >= 0; ) {
            final int back = got.nextSetBit(lost);
            if (back < 0) {
                outages.add((long) (sent - lost) * intervalMillis);
                break;
            }
            outages.add((long) (back - lost) * intervalMillis);
            lost = got.nextClearBit(back);
        }
        return new Result(sent, got.cardinality(), first, outages);
    }

    /**
     * @param firstDelivered the first number that arrived (numbers before it were lost while the path warmed up)
     * @param outagesMillis  each run of lost numbers after that, as first lost → first delivered
     */
    public record Result(int sent, int delivered, int firstDelivered, List<Long> outagesMillis) {
        /** The longest outage, 0 when nothing was lost. */
        public long longestMillis() {
            return outagesMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}

package io.xgate.controlplane.ike.sa;

import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeMessage;

import java.util.Arrays;

/**
 * Collects the SKF fragments of one message from the peer until all are there, then joins them (RFC 7383 §2.6).
 * Only authenticated fragments come here: each was decrypted and its ICV checked on its own first, so a forged
 * datagram can neither take a slot nor spoil the message (§2.6.1). One message at a time: the session lets through
 * only fragments of the message ID it expects, so a fragment of another ID means the old one will never be needed.
 * A larger Total Fragments for the same message starts over (the sender retried with smaller fragments, §2.5.2); a
 * smaller one is dropped. Bounded: at most {@link #MAX_FRAGMENTS} fragments and {@link #MAX_BYTES} of content, and
 * a message not complete within the timeout is forgotten (its sender retransmits every fragment anyway, §2.6).
 */
public final class FragmentReassembly {
    /** 64 fragments of the smallest sensible size (576-byte IPv4 datagrams) carry a 30 KiB message. */
    public static final int MAX_FRAGMENTS = 64;
    /** Decrypted content of all fragments together: far above any IKE message with a certificate chain. */
    public static final int MAX_BYTES = 64 * 1024;

    private final long timeoutNanos;
    private IkeDecodeResult.Fragment[] parts;
    private long messageId;
    private int received;
    private int bytes;
    private long startedNanos;

    public FragmentReassembly(final long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** What one fragment did. */
    public sealed interface Outcome {
        /** Kept; more fragments are due. */
        record Waiting(int received, int total) implements Outcome {
        }

        /** The last missing fragment: the whole message, decoded as if it had arrived in one SK payload. */
        record Complete(IkeDecodeResult message) implements Outcome {
        }

        /** Not kept, for the reason given (to be logged and counted by the caller, never answered). */
        record Dropped(String reason) implements Outcome {
        }
    }

    public Outcome add(final IkeDecodeResult.Fragment fragment, final long nowNanos) {
        final int total = fragment.totalFragments();
        final int number = fragment.fragmentNumber();
        if (total > MAX_FRAGMENTS) {
            return new Outcome.Dropped("fragment " + number + " of " + total + ": more than " + MAX_FRAGMENTS);
        }
        if (parts != null && nowNanos - startedNanos > timeoutNanos) {
            clear();
        }
        final long id = fragment.header().messageId();
        if (parts == null || id != messageId || total > parts.length) {
            start(id, total, nowNanos);
        } else if (total < parts.length) {
            return new Outcome.Dropped("fragment " + number + " of " + total + " after fragments of " + parts.length);
        }
        if (parts[number - 1] != null) {
            return new Outcome.Dropped("fragment " + number + " of " + total + " again");
        }
        final int length = fragment.plaintext().length();
        if (bytes + length > MAX_BYTES) {
            clear();
            return new Outcome.Dropped("message #" + id + " over " + MAX_BYTES + " bytes: all its fragments dropped");
        }
        parts[number - 1] = fragment;
        received++;
        bytes += length;
        if (received < total) {
            return new Outcome.Waiting(received, total);
        }
        final IkeDecodeResult whole = IkeMessage.reassemble(Arrays.asList(parts));
        clear();
        return new Outcome.Complete(whole);
    }

    /** Forgets a message still incomplete after the timeout; whether there was one. */
    public boolean expire(final long nowNanos) {
        if (parts == null || nowNanos - startedNanos <= timeoutNanos) {
            return false;
        }
        clear();
        return true;
    }

    /** Whether fragments of a message are held. */
    public boolean collecting() {
        return parts != null;
    }

    private void start(final long id, final int total, final long nowNanos) {
        parts = new IkeDecodeResult.Fragment[total];
        messageId = id;
        received = 0;
        bytes = 0;
        startedNanos = nowNanos;
    }

    private void clear() {
        parts = null;
        received = 0;
        bytes = 0;
    }
}

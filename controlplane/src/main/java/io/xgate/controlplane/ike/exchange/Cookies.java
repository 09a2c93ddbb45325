package io.xgate.controlplane.ike.exchange;

import io.xgate.controlplane.ike.wire.Bytes;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Stateless responder cookies (RFC 7296 §2.6): {@code <version> | SHA-256(Ni | IPi | SPIi | secret)}. The
 * responder keeps nothing for an initiator until it comes back with the cookie, proving it receives at its
 * address. The secret is drawn once per engine; the version byte names it.
 */
public final class Cookies {
    private static final byte VERSION = 1;
    private final byte[] secret = new byte[32];

    public Cookies(final SecureRandom random) {
        random.nextBytes(secret);
    }

    public Bytes cookie(final Bytes ni, final InetAddress initiator, final long spiI) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ni.toArray());
            sha.update(initiator.getAddress());
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(spiI).array());
            sha.update(secret);
            return Bytes.concat(Bytes.of(VERSION), Bytes.of(sha.digest()));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant time, so a forger learns nothing from how long the check took. */
    public boolean valid(final Bytes presented, final Bytes ni, final InetAddress initiator, final long spiI) {
        return MessageDigest.isEqual(presented.toArray(), cookie(ni, initiator, spiI).toArray());
    }
}

package io.xgate.controlplane.ike.crypto;

/** Cuts consecutive keys off a prf+ output, in the order the RFC lists them. */
final class KeyCursor {
    private final KeyMaterial stream;
    private int at;

    KeyCursor(final KeyMaterial stream) {
        this.stream = stream;
    }

    KeyMaterial next(final int length) {
        final KeyMaterial key = stream.slice(at, length);
        at += length;
        return key;
    }
}

package io.xgate.controlplane.api;

/** A request that ran but did not succeed; {@code details} (e.g. config errors with their paths) go to the client. */
public final class RequestFailedException extends Exception {
    private final transient Object details;

    public RequestFailedException(final String message, final Object details) {
        super(message);
        this.details = details;
    }

    public Object details() {
        return details;
    }
}

package io.xgate.controlplane.api;

/** Serves one command. */
@FunctionalInterface
public interface Handler {
    /**
     * @return the result, which Jackson turns into JSON
     * @throws RequestFailedException with details the client shows (e.g. every config error)
     * @throws IllegalArgumentException for a bad request; its message is sent back
     */
    Object handle(Request request) throws Exception;
}

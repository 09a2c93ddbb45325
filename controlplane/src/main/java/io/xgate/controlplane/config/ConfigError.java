package io.xgate.controlplane.config;

/**
 * One problem in a config: where ({@code ipsec-tunnels[to-b].anti-replay-window}) and what. Messages never
 * contain key material.
 */
public record ConfigError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}

package io.xgate.controlplane.config;

/** An IPsec tunnel bound to a tunnel interface (route-based), keyed by IKE or manually. */
public record IpsecTunnel(String name, String tunnelInterface, Keying keying, boolean antiReplay,
                          int antiReplayWindow, boolean copyTos, boolean copyFlowLabel, Mode ipsecMode,
                          boolean enableGreEncapsulation, EspInUdp espInUdp, TunnelMonitor tunnelMonitor,
                          boolean disabled, String comment) implements Named {

    public static final int DEFAULT_ANTI_REPLAY_WINDOW = 1024;

    public enum Mode implements ConfigEnum {
        TUNNEL, TRANSPORT
    }

    /** xgate: UDP encapsulation (RFC 3948). {@code auto} lets NAT-T detection decide; manual keys never detect. */
    public enum EspInUdp implements ConfigEnum {
        AUTO, ALWAYS, NEVER
    }
}

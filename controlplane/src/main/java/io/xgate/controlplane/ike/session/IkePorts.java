package io.xgate.controlplane.ike.session;

/** IKE's UDP ports (RFC 7296 §2, RFC 3948): 500, and 4500 once NAT traversal is in use. */
public final class IkePorts {
    public static final int IKE = 500;
    public static final int NAT_T = 4500;

    private IkePorts() {
    }
}

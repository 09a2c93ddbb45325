package io.xgate.controlplane.daemon;

import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import java.io.IOException;

/**
 * Two ways to break gw-a's WAN path, both inside the lab's WAN namespace: the link goes down (gw-a's veth loses
 * its carrier), or an nftables rule on the WAN bridge drops everything to and from gw-a's port while every link
 * stays up — the failure only probes can see.
 */
public enum PathCut {
    LINK_DOWN {
        @Override
        public void cut(final TwoGatewayLab lab, final int path) throws IOException {
            lab.in(lab.namespace("wan"), "ip", "link", "set", lab.wanPort(Side.A, path), "down");
        }

        @Override
        public void restore(final TwoGatewayLab lab, final int path) throws IOException {
            lab.in(lab.namespace("wan"), "ip", "link", "set", lab.wanPort(Side.A, path), "up");
        }
    },
    NFTABLES_DROP {
        @Override
        public void cut(final TwoGatewayLab lab, final int path) throws IOException {
            final String port = lab.wanPort(Side.A, path);
            lab.in(lab.namespace("wan"), "nft", "add table bridge " + TABLE + "; add chain bridge " + TABLE
                    + " forward { type filter hook forward priority 0; }; add rule bridge " + TABLE
                    + " forward iifname " + port + " drop; add rule bridge " + TABLE + " forward oifname " + port
                    + " drop");
        }

        @Override
        public void restore(final TwoGatewayLab lab, final int path) throws IOException {
            lab.in(lab.namespace("wan"), "nft", "delete table bridge " + TABLE);
        }
    };

    private static final String TABLE = "xgate_cut";

    public abstract void cut(TwoGatewayLab lab, int path) throws IOException;

    public abstract void restore(TwoGatewayLab lab, int path) throws IOException;
}

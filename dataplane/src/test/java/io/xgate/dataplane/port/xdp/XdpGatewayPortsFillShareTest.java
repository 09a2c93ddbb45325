package io.xgate.dataplane.port.xdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xgate.linux.xdp.XskConfig;
import org.junit.jupiter.api.Test;

class XdpGatewayPortsFillShareTest {
    @Test
    void theSharesLeaveTheWorkerItsOwnFramesForProbes() {
        final XdpGatewayPorts.Settings settings = XdpGatewayPorts.Settings.defaults();
        for (int ports = 1; ports <= 4; ports++) {
            final int share = XdpGatewayPorts.fillShare(settings, ports);
            assertEquals(true, settings.frameCount() - share * ports >= XdpGatewayPorts.OWN_FRAMES,
                    ports + " ports lend " + share + " each");
        }
        assertEquals(1344, XdpGatewayPorts.fillShare(settings, 3));
    }

    @Test
    void oneOfSeveralWorkersKeepsFramesForPacketsHandedToIt() {
        final XdpGatewayPorts.Settings settings = XdpGatewayPorts.Settings.defaults().withHandoffs();
        assertEquals(XdpGatewayPorts.OWN_FRAMES + XdpGatewayPorts.HANDOFF_FRAMES, settings.ownFrames());
        assertEquals((4096 - XdpGatewayPorts.OWN_FRAMES - XdpGatewayPorts.HANDOFF_FRAMES) / 2,
                XdpGatewayPorts.fillShare(settings, 2));
    }

    @Test
    void theFillRingCapsTheShare() {
        final XdpGatewayPorts.Settings big = new XdpGatewayPorts.Settings(65_536, 4096, 0, XskConfig.defaults());
        assertEquals(XskConfig.defaults().fillSize(), XdpGatewayPorts.fillShare(big, 3));
    }

    @Test
    void aUmemWithNothingToLendIsRefused() {
        final XdpGatewayPorts.Settings tiny = new XdpGatewayPorts.Settings(XdpGatewayPorts.OWN_FRAMES + 2, 4096, 0,
                XskConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> XdpGatewayPorts.fillShare(tiny, 3));
    }
}

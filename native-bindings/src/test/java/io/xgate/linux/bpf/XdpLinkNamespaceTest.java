package io.xgate.linux.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.linux.sys.Errno;
import io.xgate.linux.sys.LinuxException;
import io.xgate.linux.sys.VethLab;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class XdpLinkNamespaceTest {
    @Test
    void closingTheLinkLeavesNoProgramOnTheDevice() throws Exception {
        try (VethLab lab = VethLab.create(1);
             BpfMap xsks = BpfMap.xskMap(1, "xgt_xsks");
             BpfProgram program = XdpSteering.wan(xsks)) {
            XdpLink link = XdpLink.attach(program, lab.rootIndex(0));
            assertEquals(XdpAttachMode.NATIVE, link.mode(), "veth supports native XDP");
            assertTrue(deviceDetails(lab).contains("prog/xdp"), deviceDetails(lab));

            link.close();

            assertFalse(deviceDetails(lab).contains("xdp"), deviceDetails(lab));
        }
    }

    @Test
    void secondAttachInTheSameModeIsRefusedWhileTheFirstLinkLives() throws Exception {
        try (VethLab lab = VethLab.create(1);
             BpfMap xsks = BpfMap.xskMap(1, "xgt_xsks");
             BpfProgram program = XdpSteering.wan(xsks);
             XdpLink first = XdpLink.attach(program, lab.rootIndex(0), XdpAttachMode.GENERIC)) {
            LinuxException e = assertThrows(LinuxException.class,
                    () -> XdpLink.attach(program, lab.rootIndex(0), XdpAttachMode.GENERIC));
            assertTrue(e.is(Errno.EBUSY), e.getMessage());
            assertEquals(XdpAttachMode.GENERIC, first.mode());
        }
    }

    private static String deviceDetails(VethLab lab) throws Exception {
        return VethLab.run("ip", "-d", "link", "show", "dev", lab.rootName(0));
    }
}

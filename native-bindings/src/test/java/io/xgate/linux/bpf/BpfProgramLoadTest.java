package io.xgate.linux.bpf;

import static io.xgate.linux.bpf.BpfAssembler.R0;
import static io.xgate.linux.bpf.BpfAssembler.R1;
import static io.xgate.linux.bpf.BpfAssembler.R2;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.linux.sys.Errno;
import io.xgate.linux.sys.LinuxException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loads through the real verifier (needs root or CAP_BPF); no device is touched. */
class BpfProgramLoadTest {
    @Test
    void verifierAcceptsBothSteeringPrograms() throws Exception {
        try (BpfMap xsks = BpfMap.xskMap(4, "xgt_xsks");
             BpfProgram wan = XdpSteering.wan(xsks);
             BpfProgram lan = XdpSteering.lan(xsks, List.of(InetAddress.getByName("198.51.100.1"),
                     InetAddress.getByName("203.0.113.200"), InetAddress.getByName("2001:db8::1")))) {
            assertTrue(wan.fd() > 0 && lan.fd() > 0);
        }
    }

    @Test
    void verifierRejectionCarriesTheVerifierLog() {
        // Reads packet data without checking data_end, which the verifier must refuse.
        long[] unchecked = new BpfAssembler()
                .load(BpfSize.W, R2, R1, 0)
                .load(BpfSize.B, R0, R2, 0)
                .exit()
                .assemble();
        LinuxException e = assertThrows(LinuxException.class,
                () -> BpfProgram.loadXdp(unchecked, XdpSteering.LICENSE, "xgt_bad"));
        assertTrue(e.is(Errno.EACCES), e.getMessage());
        assertTrue(e.getMessage().contains("invalid access to packet"), e.getMessage());
    }

    @Test
    void updatingXskMapWithNonSocketFdFails() {
        try (BpfMap xsks = BpfMap.xskMap(1, "xgt_xsks")) {
            LinuxException e = assertThrows(LinuxException.class, () -> xsks.updateInt(0, xsks.fd()));
            assertTrue(e.call().startsWith("bpf(BPF_MAP_UPDATE_ELEM"), e.getMessage());
        }
    }
}

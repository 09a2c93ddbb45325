package io.xgate.dataplane.port.xdp;

import io.xgate.linux.bpf.BpfMap;
import io.xgate.linux.bpf.BpfProgram;
import io.xgate.linux.bpf.XdpAttachMode;
import io.xgate.linux.bpf.XdpLink;
import io.xgate.linux.bpf.XdpSteering;
import io.xgate.linux.sys.LinuxException;
import java.net.InetAddress;
import java.util.List;

/**
 * The XDP steering program of one device, attached through a bpf_link (native, else generic), and its XSKMAP
 * (receive queue → AF_XDP socket). One per device, shared by the ports of every worker on that device: each
 * registers its socket at its own queue. Closing detaches the program, so the kernel gets all traffic back.
 */
public final class DeviceSteering implements AutoCloseable {
    private final BpfMap sockets;
    private final BpfProgram program;
    private final XdpLink link;

    private DeviceSteering(final BpfMap sockets, final BpfProgram program, final XdpLink link) {
        this.sockets = sockets;
        this.program = program;
        this.link = link;
    }

    /** Loads the {@code role}'s program for {@code queues} receive queues and attaches it to {@code ifindex}. */
    public static DeviceSteering attach(final int ifindex, final PortRole role, final List<InetAddress> ownAddresses,
                                        final int queues) {
        final BpfMap sockets = BpfMap.xskMap(queues, "xgate_xsks");
        BpfProgram program = null;
        try {
            program = role == PortRole.WAN ? XdpSteering.wan(sockets) : XdpSteering.lan(sockets, ownAddresses);
            return new DeviceSteering(sockets, program, XdpLink.attach(program, ifindex));
        } catch (final LinuxException | IllegalArgumentException e) {
            if (program != null) {
                program.close();
            }
            sockets.close();
            throw e;
        }
    }

    /** Frames the program picks on {@code queue} go to the socket {@code fd} from now on. */
    public void register(final int queue, final int fd) {
        sockets.updateInt(queue, fd);
    }

    public XdpAttachMode attachMode() {
        return link.mode();
    }

    @Override
    public void close() {
        try {
            link.close();
        } finally {
            program.close();
            sockets.close();
        }
    }
}

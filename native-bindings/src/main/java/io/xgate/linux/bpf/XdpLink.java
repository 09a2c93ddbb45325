package io.xgate.linux.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.xgate.linux.sys.LinuxException;
import io.xgate.linux.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An XDP program attached to a device through a bpf_link (BPF_LINK_CREATE). Unlike a netlink attach,
 * the link belongs to this process: it ends on {@link #close()} or when the process dies, so a crashed
 * gateway never leaves a program steering traffic into a socket nobody reads.
 */
public final class XdpLink implements AutoCloseable {
    private final int fd;
    private final int ifindex;
    private final XdpAttachMode mode;
    private boolean closed;

    private XdpLink(int fd, int ifindex, XdpAttachMode mode) {
        this.fd = fd;
        this.ifindex = ifindex;
        this.mode = mode;
    }

    /** Attaches natively, or generically when the driver refuses native XDP. */
    public static XdpLink attach(BpfProgram program, int ifindex) {
        try {
            return attach(program, ifindex, XdpAttachMode.NATIVE);
        } catch (LinuxException nativeFailure) {
            try {
                return attach(program, ifindex, XdpAttachMode.GENERIC);
            } catch (LinuxException genericFailure) {
                genericFailure.addSuppressed(nativeFailure);
                throw genericFailure;
            }
        }
    }

    public static XdpLink attach(BpfProgram program, int ifindex, XdpAttachMode mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfCommand.ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, program.fd());
            attr.set(JAVA_INT, 4, ifindex);
            attr.set(JAVA_INT, 8, BpfProgram.ATTACH_TYPE_XDP);
            attr.set(JAVA_INT, 12, mode.flags);
            try {
                return new XdpLink(BpfCommand.BPF_LINK_CREATE.invoke(attr), ifindex, mode);
            } catch (LinuxException e) {
                throw new LinuxException("bpf(BPF_LINK_CREATE xdp " + mode + " ifindex " + ifindex + ")", e.errno());
            }
        }
    }

    public int fd() {
        return fd;
    }

    public int ifindex() {
        return ifindex;
    }

    public XdpAttachMode mode() {
        return mode;
    }

    /** Detaches the program from the device now, even if another fd to the link exists, then closes ours. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfCommand.ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, fd);
            BpfCommand.BPF_LINK_DETACH.invoke(attr);
        } finally {
            Libc.close(fd);
        }
    }
}

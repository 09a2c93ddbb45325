package io.xgate.linux.netlink;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.xgate.linux.sys.LinuxException;
import io.xgate.linux.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A NETLINK_ROUTE socket for request/response exchanges: it sends one request, then hands every reply
 * message to a handler until the kernel's NLMSG_DONE (dumps) or its ACK (NLM_F_ACK requests). An
 * NLMSG_ERROR with a negative code becomes a {@link LinuxException} naming the request.
 * Not thread-safe: one exchange at a time, for the control plane's threads.
 */
final class NetlinkSocket implements AutoCloseable {
    static final int NLM_F_REQUEST = 0x01;
    static final int NLM_F_ACK = 0x04;
    static final int NLM_F_ROOT = 0x100;
    static final int NLM_F_MATCH = 0x200;
    static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_CREATE = 0x400;
    private static final int NETLINK_ROUTE = 0;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int RECEIVE_BUFFER = 64 * 1024;

    /** Receives each reply message's payload (after the nlmsghdr) with its type. */
    interface Handler {
        void onMessage(int type, MemorySegment payload);
    }

    private final int fd;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment receiveBuffer = arena.allocate(RECEIVE_BUFFER, 4);
    private final MemorySegment kernelAddress = arena.allocate(SOCKADDR_NL_SIZE, 4);
    private int sequence;

    NetlinkSocket() {
        fd = Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, NETLINK_ROUTE);
        try {
            kernelAddress.set(JAVA_SHORT, 0, (short) Libc.AF_NETLINK);  // pid 0, no groups: the kernel
            Libc.bind(fd, kernelAddress);                                 // and the kernel picks our pid
        } catch (LinuxException e) {
            Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    int nextSequence() {
        return ++sequence;
    }

    /** Sends {@code request} (built with {@link #nextSequence()}) and runs {@code handler} on each reply. */
    void exchange(String what, MemorySegment request, Handler handler) {
        int expected = request.get(JAVA_INT, 8);
        Libc.sendto(fd, request, 0, kernelAddress);
        while (true) {
            int received = Libc.recv(fd, receiveBuffer, 0);
            long offset = 0;
            while (offset + NetlinkMessageBuilder.HEADER_SIZE <= received) {
                int length = receiveBuffer.get(JAVA_INT, offset);
                if (length < NetlinkMessageBuilder.HEADER_SIZE || offset + length > received) {
                    throw new IllegalStateException(what + ": malformed netlink message of length " + length);
                }
                int type = Short.toUnsignedInt(receiveBuffer.get(JAVA_SHORT, offset + 4));
                int messageSequence = receiveBuffer.get(JAVA_INT, offset + 8);
                MemorySegment payload = receiveBuffer.asSlice(offset + NetlinkMessageBuilder.HEADER_SIZE,
                        length - NetlinkMessageBuilder.HEADER_SIZE);
                offset += NetlinkMessageBuilder.align(length);
                if (messageSequence != expected) {
                    continue; // a late answer to an earlier exchange
                }
                if (type == NLMSG_DONE) {
                    return;
                }
                if (type == NLMSG_ERROR) {
                    int error = payload.get(JAVA_INT, 0);
                    if (error != 0) {
                        throw new LinuxException("netlink " + what, -error);
                    }
                    return;
                }
                handler.onMessage(type, payload);
            }
        }
    }

    @Override
    public void close() {
        try {
            Libc.close(fd);
        } finally {
            arena.close();
        }
    }
}

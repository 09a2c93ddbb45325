package io.xgate.linux.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Checked FFM downcalls into libc. Every call captures errno and a failure becomes a {@link LinuxException}
 * naming the call. The errno capture buffer is per thread, so these wrappers allocate nothing after a
 * thread's first call; the {@code *NoThrow} variants are for per-packet paths that treat some errnos as normal.
 */
@SuppressWarnings("restricted") // this class is where the module's native access is meant to live
public final class Libc {
    public static final int AF_INET = 2;
    public static final int AF_NETLINK = 16;
    public static final int AF_INET6 = 10;
    public static final int AF_XDP = 44;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_POPULATE = 0x8000;
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final long PAGE_SIZE = 4096;

    /** struct pollfd { int fd; short events; short revents; } */
    public static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> THREAD_STATE =
            ThreadLocal.withInitial(Libc::allocateCallState);

    private static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = downcall("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = downcall("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle MMAP = downcall("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = downcall("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle SENDTO = downcall("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = downcall("recvfrom",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle POLL = downcall("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle IF_NAMETOINDEX = downcall("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle SCHED_SETAFFINITY = downcall("sched_setaffinity",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    private static final MethodHandle SCHED_GETAFFINITY = downcall("sched_getaffinity",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    // syscall(2) is variadic: everything after the number goes as long, which is how the kernel ABI reads it.
    private static final MethodHandle SYSCALL3 = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), CAPTURE_ERRNO);

    private Libc() {
    }

    /** A buffer for errno capture that a caller on a per-packet path keeps and reuses. */
    public static MemorySegment allocateCallState() {
        return Arena.ofAuto().allocate(CAPTURE_LAYOUT);
    }

    public static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    public static int socket(int domain, int type, int protocol) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) SOCKET.invokeExact(state, domain, type, protocol);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        return check("socket", rc, state);
    }

    public static void bind(int fd, MemorySegment address) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) BIND.invokeExact(state, fd, address, (int) address.byteSize());
        } catch (Throwable t) {
            throw unreachable(t);
        }
        check("bind", rc, state);
    }

    public static void setsockopt(int fd, int level, int option, MemorySegment value) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) SETSOCKOPT.invokeExact(state, fd, level, option, value, (int) value.byteSize());
        } catch (Throwable t) {
            throw unreachable(t);
        }
        check("setsockopt", rc, state);
    }

    public static void setsockoptInt(int fd, int level, int option, int value) {
        try (Arena arena = Arena.ofConfined()) {
            setsockopt(fd, level, option, arena.allocateFrom(JAVA_INT, value));
        }
    }

    /** Fills {@code value} and returns the length the kernel wrote. */
    public static int getsockopt(int fd, int level, int option, MemorySegment value) {
        MemorySegment state = THREAD_STATE.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) value.byteSize());
            int rc;
            try {
                rc = (int) GETSOCKOPT.invokeExact(state, fd, level, option, value, length);
            } catch (Throwable t) {
                throw unreachable(t);
            }
            check("getsockopt", rc, state);
            return length.get(JAVA_INT, 0);
        }
    }

    /** mmap(2); the returned segment has global scope, so the owner must {@link #munmap} it exactly once. */
    public static MemorySegment mmap(long length, int prot, int flags, int fd, long offset) {
        MemorySegment state = THREAD_STATE.get();
        MemorySegment base;
        try {
            base = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, length, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        if (base.address() == -1L) {
            throw new LinuxException("mmap", errno(state));
        }
        return base.reinterpret(length);
    }

    public static void munmap(MemorySegment mapping) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) MUNMAP.invokeExact(state, mapping, mapping.byteSize());
        } catch (Throwable t) {
            throw unreachable(t);
        }
        check("munmap", rc, state);
    }

    /** sendto(2); {@code to} may be {@link MemorySegment#NULL} for a connected socket. */
    public static long sendto(int fd, MemorySegment buffer, int flags, MemorySegment to) {
        MemorySegment state = THREAD_STATE.get();
        long rc;
        try {
            rc = (long) SENDTO.invokeExact(state, fd, buffer, buffer.byteSize(), flags, to, (int) to.byteSize());
        } catch (Throwable t) {
            throw unreachable(t);
        }
        return check("sendto", rc, state);
    }

    /**
     * The AF_XDP kick: {@code sendto(fd, NULL, 0, MSG_DONTWAIT, NULL, 0)}. Returns 0 or the errno, without
     * throwing or allocating, because EAGAIN/EBUSY/ENOBUFS are routine answers here.
     */
    public static int sendtoEmptyNoThrow(int fd, MemorySegment callState) {
        long rc;
        try {
            rc = (long) SENDTO.invokeExact(callState, fd, MemorySegment.NULL, 0L, MSG_DONTWAIT, MemorySegment.NULL, 0);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        return rc < 0 ? errno(callState) : 0;
    }

    /** The AF_XDP rx wake-up: {@code recvfrom(fd, NULL, 0, MSG_DONTWAIT, NULL, NULL)}; returns 0 or the errno. */
    public static int recvfromEmptyNoThrow(int fd, MemorySegment callState) {
        long rc;
        try {
            rc = (long) RECVFROM.invokeExact(callState, fd, MemorySegment.NULL, 0L, MSG_DONTWAIT,
                    MemorySegment.NULL, MemorySegment.NULL);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        return rc < 0 ? errno(callState) : 0;
    }

    /** recvfrom(2) into {@code buffer} without the sender address; returns the byte count. */
    public static int recv(int fd, MemorySegment buffer, int flags) {
        MemorySegment state = THREAD_STATE.get();
        long rc;
        try {
            rc = (long) RECVFROM.invokeExact(state, fd, buffer, buffer.byteSize(), flags,
                    MemorySegment.NULL, MemorySegment.NULL);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        return (int) check("recvfrom", rc, state);
    }

    /** poll(2) over an array of {@link #POLLFD}; returns the number of ready descriptors (0 on timeout). */
    public static int poll(MemorySegment pollFds, int timeoutMillis) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) POLL.invokeExact(state, pollFds, pollFds.byteSize() / POLLFD.byteSize(), timeoutMillis);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        return check("poll", rc, state);
    }

    public static void close(int fd) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        check("close", rc, state);
    }

    public static int ifNameToIndex(String name) {
        MemorySegment state = THREAD_STATE.get();
        int index;
        try (Arena arena = Arena.ofConfined()) {
            index = (int) IF_NAMETOINDEX.invokeExact(state, arena.allocateFrom(name));
        } catch (Throwable t) {
            throw unreachable(t);
        }
        if (index == 0) {
            throw new LinuxException("if_nametoindex(" + name + ")", errno(state));
        }
        return index;
    }

    /** sched_setaffinity(2) with pid 0, i.e. the calling thread only. */
    public static void schedSetAffinity(MemorySegment cpuSet) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) SCHED_SETAFFINITY.invokeExact(state, 0, cpuSet.byteSize(), cpuSet);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        check("sched_setaffinity", rc, state);
    }

    public static void schedGetAffinity(MemorySegment cpuSet) {
        MemorySegment state = THREAD_STATE.get();
        int rc;
        try {
            rc = (int) SCHED_GETAFFINITY.invokeExact(state, 0, cpuSet.byteSize(), cpuSet);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        check("sched_getaffinity", rc, state);
    }

    /** syscall(2) with three arguments; {@code name} is what a failure reports (e.g. "bpf(BPF_PROG_LOAD)"). */
    public static long syscall(String name, long number, long arg1, long arg2, long arg3) {
        MemorySegment state = THREAD_STATE.get();
        long rc;
        try {
            rc = (long) SYSCALL3.invokeExact(state, number, arg1, arg2, arg3);
        } catch (Throwable t) {
            throw unreachable(t);
        }
        return check(name, rc, state);
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor, CAPTURE_ERRNO);
    }

    private static int check(String call, int rc, MemorySegment state) {
        if (rc < 0) {
            throw new LinuxException(call, errno(state));
        }
        return rc;
    }

    private static long check(String call, long rc, MemorySegment state) {
        if (rc < 0) {
            throw new LinuxException(call, errno(state));
        }
        return rc;
    }

    private static AssertionError unreachable(Throwable t) {
        // invokeExact declares Throwable; a downcall only throws for a mismatched signature, a programming error.
        return new AssertionError("downcall failed unexpectedly", t);
    }
}

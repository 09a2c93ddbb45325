package io.xgate.linux.sys;

import java.lang.foreign.Arena;
import java.nio.file.Path;

/**
 * Moves the calling thread, and only it, into a network namespace (setns(2)) until {@link #close()} moves it
 * back. Sockets, AF_XDP binds, netlink sockets and XDP links made meanwhile resolve device names and indexes
 * in that namespace and stay there afterwards, so one thread can set up a lab whose devices the rest of the
 * process never sees, while the JVM's other threads stay where they were.
 */
public final class NetworkNamespace implements AutoCloseable {
    // x86-64 syscall numbers, called through syscall(2) as BpfCommand calls bpf.
    private static final long NR_OPEN = 2;
    private static final long NR_SETNS = 308;
    private static final long O_RDONLY_CLOEXEC = 0x80000;
    private static final long CLONE_NEWNET = 0x40000000;
    private static final Path OWN_NAMESPACE = Path.of("/proc/thread-self/ns/net");

    private final int originalFd;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private NetworkNamespace(final int originalFd) {
        this.originalFd = originalFd;
    }

    /** Enters the namespace bound at {@code path} (e.g. {@code /run/netns/NAME}, as {@code ip netns add} makes). */
    public static NetworkNamespace enter(final Path path) {
        final int original = open(OWN_NAMESPACE);
        try {
            final int target = open(path);
            try {
                setns(target, path);
            } finally {
                Libc.close(target);
            }
            return new NetworkNamespace(original);
        } catch (final LinuxException e) {
            Libc.close(original);
            throw e;
        }
    }

    /** Returns the thread to the namespace it was in; must run on the thread that entered. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("leave a network namespace on the thread that entered it");
        }
        closed = true;
        try {
            setns(originalFd, OWN_NAMESPACE);
        } finally {
            Libc.close(originalFd);
        }
    }

    private static int open(final Path path) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Libc.syscall("open(" + path + ")", NR_OPEN, arena.allocateFrom(path.toString()).address(),
                    O_RDONLY_CLOEXEC, 0);
        }
    }

    private static void setns(final int fd, final Path path) {
        Libc.syscall("setns(" + path + ", CLONE_NEWNET)", NR_SETNS, fd, CLONE_NEWNET, 0);
    }
}

package io.xgate.linux.sys;

/**
 * The errno values the bindings meet (x86-64 / generic Linux numbering), so exceptions and callers can
 * speak of {@code EOPNOTSUPP} rather than 95.
 */
public enum Errno {
    EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), E2BIG(7), EBADF(9), EAGAIN(11),
    ENOMEM(12), EACCES(13), EFAULT(14), EBUSY(16), EEXIST(17), ENODEV(19), EINVAL(22), ENFILE(23),
    EMFILE(24), ENOSPC(28), ERANGE(34), ENOSYS(38), ELOOP(40), ENOTSOCK(88), EMSGSIZE(90),
    ENOPROTOOPT(92), EPROTONOSUPPORT(93), EOPNOTSUPP(95), EAFNOSUPPORT(97), EADDRINUSE(98),
    EADDRNOTAVAIL(99), ENETDOWN(100), ENETUNREACH(101), ENOBUFS(105), ENOTCONN(107), ETIMEDOUT(110),
    EHOSTUNREACH(113);

    private static final Errno[] BY_CODE = new Errno[128];

    static {
        for (Errno e : values()) {
            BY_CODE[e.code] = e;
        }
    }

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The symbolic name of an errno value, or {@code "errno N"} for one this enum does not list. */
    public static String nameOf(int code) {
        Errno e = code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return e != null ? e.name() : "errno " + code;
    }
}

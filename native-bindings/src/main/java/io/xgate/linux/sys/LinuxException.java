package io.xgate.linux.sys;

/** A failed system or libc call: which call, the errno it left, and optional context (e.g. a verifier log). */
public class LinuxException extends RuntimeException {
    private final String call;
    private final int errno;

    public LinuxException(String call, int errno) {
        this(call, errno, "");
    }

    public LinuxException(String call, int errno, String detail) {
        super(call + " failed: " + Errno.nameOf(errno) + " (" + errno + ")" + (detail.isEmpty() ? "" : ": " + detail));
        this.call = call;
        this.errno = errno;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    public boolean is(Errno e) {
        return errno == e.code();
    }
}

package io.xgate.linux.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

class LibcErrnoTest {
    @Test
    void bindOnClosedDescriptorReportsEbadf() {
        int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        Libc.close(fd);
        try (Arena arena = Arena.ofConfined()) {
            LinuxException e = assertThrows(LinuxException.class, () -> Libc.bind(fd, arena.allocate(16)));
            assertTrue(e.is(Errno.EBADF), e.getMessage());
            assertEquals("bind", e.call());
            assertEquals("bind failed: EBADF (9)", e.getMessage());
        }
    }

    @Test
    void unknownAddressFamilyReportsEafnosupport() {
        LinuxException e = assertThrows(LinuxException.class, () -> Libc.socket(4242, Libc.SOCK_RAW, 0));
        assertEquals(Errno.EAFNOSUPPORT.code(), e.errno());
    }

    @Test
    void missingInterfaceNamesTheCallAndErrno() {
        LinuxException e = assertThrows(LinuxException.class, () -> Libc.ifNameToIndex("xg-no-such-if"));
        assertEquals("if_nametoindex(xg-no-such-if) failed: ENODEV (19)", e.getMessage());
    }

    @Test
    void rawSyscallErrorsAreCaptured() {
        // close(2) through syscall(2): the variadic path must report errno like the direct one.
        LinuxException e = assertThrows(LinuxException.class, () -> Libc.syscall("close", 3, -1, 0, 0));
        assertTrue(e.is(Errno.EBADF), e.getMessage());
    }

    @Test
    void unlistedErrnoKeepsItsNumber() {
        assertEquals("errno 200", Errno.nameOf(200));
        assertEquals("EOPNOTSUPP", Errno.nameOf(95));
    }
}

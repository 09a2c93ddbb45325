package io.xgate.linux.bpf;

import io.xgate.linux.sys.Libc;
import java.lang.foreign.MemorySegment;

/** The bpf(2) commands the bindings use, invoked through syscall(2) since libc has no bpf wrapper. */
enum BpfCommand {
    BPF_MAP_CREATE(0), BPF_MAP_UPDATE_ELEM(2), BPF_MAP_DELETE_ELEM(3), BPF_PROG_LOAD(5), BPF_LINK_CREATE(28),
    BPF_LINK_DETACH(34);

    /** Bytes of union bpf_attr we pass, zeroed past the fields we set; more than any command here uses. */
    static final int ATTR_SIZE = 128;
    private static final long NR_BPF_X86_64 = 321;

    private final int code;

    BpfCommand(int code) {
        this.code = code;
    }

    /** Runs the command and returns its non-negative result (often a new fd). */
    int invoke(MemorySegment attr) {
        return (int) Libc.syscall("bpf(" + name() + ")", NR_BPF_X86_64, code, attr.address(), attr.byteSize());
    }
}

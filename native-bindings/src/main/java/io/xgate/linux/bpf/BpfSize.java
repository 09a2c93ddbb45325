package io.xgate.linux.bpf;

/** Width of a load or store (the BPF_SIZE field of the opcode). */
public enum BpfSize {
    W(0x00), H(0x08), B(0x10), DW(0x18);

    final int code;

    BpfSize(int code) {
        this.code = code;
    }
}

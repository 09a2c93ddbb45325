package io.xgate.linux.bpf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small eBPF assembler: one method per instruction form, labels for jumps, and {@link #assemble()}
 * giving the instructions as little-endian {@code struct bpf_insn} words
 * ({@code u8 code; u8 dst:4, src:4; s16 off; s32 imm}) ready for BPF_PROG_LOAD.
 */
public final class BpfAssembler {
    public static final int R0 = 0;
    public static final int R1 = 1;
    public static final int R2 = 2;
    public static final int R3 = 3;
    public static final int R4 = 4;
    public static final int R5 = 5;
    public static final int R6 = 6;
    public static final int R7 = 7;
    public static final int R8 = 8;
    public static final int R9 = 9;
    public static final int R10 = 10;

    private static final int CLASS_LD = 0x00;
    private static final int CLASS_LDX = 0x01;
    private static final int CLASS_ST = 0x02;
    private static final int CLASS_STX = 0x03;
    private static final int CLASS_ALU = 0x04;
    private static final int CLASS_JMP = 0x05;
    private static final int CLASS_JMP32 = 0x06;
    private static final int CLASS_ALU64 = 0x07;
    private static final int SOURCE_IMM = 0x00;
    private static final int SOURCE_REG = 0x08;
    private static final int MODE_IMM = 0x00;
    private static final int MODE_MEM = 0x60;
    private static final int OP_JA = 0x00;
    private static final int OP_CALL = 0x80;
    private static final int OP_EXIT = 0x90;
    private static final int OP_END = 0xd0;
    private static final int END_TO_BE = 0x08;
    private static final int PSEUDO_MAP_FD = 1;

    /** A jump target; bind it where it should point, before or after the jumps that use it. */
    public static final class Label {
        private int position = -1;
    }

    private record Fixup(int instruction, Label target) {
    }

    private long[] code = new long[64];
    private int count;
    private final List<Fixup> fixups = new ArrayList<>();

    public Label newLabel() {
        return new Label();
    }

    public BpfAssembler bind(Label label) {
        if (label.position >= 0) {
            throw new IllegalStateException("label bound twice");
        }
        label.position = count;
        return this;
    }

    public BpfAssembler alu64(AluOp op, int dst, int imm) {
        return emit(CLASS_ALU64 | op.code | SOURCE_IMM, dst, 0, 0, imm);
    }

    public BpfAssembler alu64Reg(AluOp op, int dst, int src) {
        return emit(CLASS_ALU64 | op.code | SOURCE_REG, dst, src, 0, 0);
    }

    public BpfAssembler alu32(AluOp op, int dst, int imm) {
        return emit(CLASS_ALU | op.code | SOURCE_IMM, dst, 0, 0, imm);
    }

    public BpfAssembler alu32Reg(AluOp op, int dst, int src) {
        return emit(CLASS_ALU | op.code | SOURCE_REG, dst, src, 0, 0);
    }

    public BpfAssembler mov64(int dst, int imm) {
        return alu64(AluOp.MOV, dst, imm);
    }

    public BpfAssembler mov64Reg(int dst, int src) {
        return alu64Reg(AluOp.MOV, dst, src);
    }

    /** Converts the low {@code bits} (16, 32, 64) of {@code dst} between host order and big-endian. */
    public BpfAssembler toBigEndian(int dst, int bits) {
        return emit(CLASS_ALU | OP_END | END_TO_BE, dst, 0, 0, bits);
    }

    /** {@code dst = *(size *)(src + offset)} */
    public BpfAssembler load(BpfSize size, int dst, int src, int offset) {
        return emit(CLASS_LDX | MODE_MEM | size.code, dst, src, offset, 0);
    }

    /** {@code *(size *)(dst + offset) = src} */
    public BpfAssembler store(BpfSize size, int dst, int offset, int src) {
        return emit(CLASS_STX | MODE_MEM | size.code, dst, src, offset, 0);
    }

    /** {@code *(size *)(dst + offset) = imm} */
    public BpfAssembler storeImm(BpfSize size, int dst, int offset, int imm) {
        return emit(CLASS_ST | MODE_MEM | size.code, dst, 0, offset, imm);
    }

    /** The two-slot {@code lddw}: a full 64-bit immediate. */
    public BpfAssembler loadImm64(int dst, long imm) {
        return loadImm64(dst, 0, imm);
    }

    /** {@code lddw} with BPF_PSEUDO_MAP_FD: the verifier replaces the map's fd with the map's address. */
    public BpfAssembler loadMapFd(int dst, int mapFd) {
        return loadImm64(dst, PSEUDO_MAP_FD, mapFd);
    }

    public BpfAssembler jump(JumpOp op, int dst, int imm, Label target) {
        return emitJump(CLASS_JMP | op.code | SOURCE_IMM, dst, 0, imm, target);
    }

    public BpfAssembler jumpReg(JumpOp op, int dst, int src, Label target) {
        return emitJump(CLASS_JMP | op.code | SOURCE_REG, dst, src, 0, target);
    }

    /** Compares only the low 32 bits, so an immediate with bit 31 set is not sign-extended against a u32. */
    public BpfAssembler jump32(JumpOp op, int dst, int imm, Label target) {
        return emitJump(CLASS_JMP32 | op.code | SOURCE_IMM, dst, 0, imm, target);
    }

    public BpfAssembler goTo(Label target) {
        return emitJump(CLASS_JMP | OP_JA, 0, 0, 0, target);
    }

    public BpfAssembler call(int helper) {
        return emit(CLASS_JMP | OP_CALL, 0, 0, 0, helper);
    }

    public BpfAssembler exit() {
        return emit(CLASS_JMP | OP_EXIT, 0, 0, 0, 0);
    }

    /** Resolves labels and returns the program. */
    public long[] assemble() {
        long[] program = Arrays.copyOf(code, count);
        for (Fixup fixup : fixups) {
            if (fixup.target.position < 0) {
                throw new IllegalStateException("jump at instruction " + fixup.instruction + " to an unbound label");
            }
            int offset = fixup.target.position - (fixup.instruction + 1);
            if (offset != (short) offset) {
                throw new IllegalStateException("jump at instruction " + fixup.instruction + " too far: " + offset);
            }
            program[fixup.instruction] |= (offset & 0xffffL) << 16;
        }
        return program;
    }

    static long encode(int opcode, int dst, int src, int offset, int imm) {
        return (opcode & 0xffL) | (dst & 0xfL) << 8 | (src & 0xfL) << 12 | (offset & 0xffffL) << 16
                | (imm & 0xffffffffL) << 32;
    }

    private BpfAssembler loadImm64(int dst, int src, long imm) {
        emit(CLASS_LD | MODE_IMM | BpfSize.DW.code, dst, src, 0, (int) imm);
        return emit(0, 0, 0, 0, (int) (imm >>> 32));
    }

    private BpfAssembler emitJump(int opcode, int dst, int src, int imm, Label target) {
        fixups.add(new Fixup(count, target));
        return emit(opcode, dst, src, 0, imm);
    }

    private BpfAssembler emit(int opcode, int dst, int src, int offset, int imm) {
        if (count == code.length) {
            code = Arrays.copyOf(code, count * 2);
        }
        code[count++] = encode(opcode, dst, src, offset, imm);
        return this;
    }
}

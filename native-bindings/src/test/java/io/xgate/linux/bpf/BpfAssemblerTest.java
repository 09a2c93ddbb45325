package io.xgate.linux.bpf;

import static io.xgate.linux.bpf.BpfAssembler.R0;
import static io.xgate.linux.bpf.BpfAssembler.R1;
import static io.xgate.linux.bpf.BpfAssembler.R2;
import static io.xgate.linux.bpf.BpfAssembler.R3;
import static io.xgate.linux.bpf.BpfAssembler.R4;
import static io.xgate.linux.bpf.BpfAssembler.R5;
import static io.xgate.linux.bpf.BpfAssembler.R10;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xgate.linux.bpf.BpfAssembler.Label;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Expected bytes are the struct bpf_insn encodings as printed by llvm-objdump for the same instructions. */
class BpfAssemblerTest {
    @Test
    void encodesMovAndExit() {
        assertBytes("b700000002000000" + "9500000000000000", new BpfAssembler().mov64(R0, 2).exit());
    }

    @Test
    void encodesLoadsStoresAndAlu() {
        assertBytes("6112000000000000"      // r2 = *(u32 *)(r1 + 0)
                + "6913040000000000"        // r3 = *(u16 *)(r1 + 4)
                + "7b1af8ff00000000"        // *(u64 *)(r10 - 8) = r1
                + "620afcff2a000000"        // *(u32 *)(r10 - 4) = 42
                + "070400000e000000"        // r4 += 14
                + "5403000000ff0000"        // w3 &= 0xff00
                + "bf12000000000000"        // r2 = r1
                + "dc05000010000000",       // r5 = be16 r5
                new BpfAssembler().load(BpfSize.W, R2, R1, 0).load(BpfSize.H, R3, R1, 4)
                        .store(BpfSize.DW, R10, -8, R1).storeImm(BpfSize.W, R10, -4, 42)
                        .alu64(AluOp.ADD, R4, 14).alu32(AluOp.AND, R3, 0xff00).mov64Reg(R2, R1)
                        .toBigEndian(R5, 16));
    }

    @Test
    void encodesMapFdLoadAndHelperCall() {
        assertBytes("1811000007000000" + "0000000000000000"   // r1 = map_fd 7 (ld_imm64, src = PSEUDO_MAP_FD)
                + "8500000033000000",                         // call bpf_redirect_map
                new BpfAssembler().loadMapFd(R1, 7).call(51));
    }

    @Test
    void encodesWideImmediateInTwoSlots() {
        assertBytes("1802000044332211" + "0000000088776655",
                new BpfAssembler().loadImm64(R2, 0x5566778811223344L));
    }

    @Test
    void resolvesForwardAndBackwardJumps() {
        BpfAssembler asm = new BpfAssembler();
        Label top = asm.newLabel();
        Label out = asm.newLabel();
        asm.bind(top)
                .jump(JumpOp.JEQ, R2, 8, out)              // 15 02 +3
                .jumpReg(JumpOp.JGT, R4, R3, out)          // 2d 34 +2
                .jump32(JumpOp.JNE, R5, -1, top)           // 56 05 -3
                .goTo(top)                                 // 05 00 -4
                .bind(out)
                .exit();
        assertBytes("1502030008000000" + "2d34020000000000" + "5605fdffffffffff" + "0500fcff00000000"
                + "9500000000000000", asm);
    }

    @Test
    void refusesJumpToUnboundLabel() {
        BpfAssembler asm = new BpfAssembler();
        asm.goTo(asm.newLabel());
        assertThrows(IllegalStateException.class, asm::assemble);
    }

    private static void assertBytes(String expectedHex, BpfAssembler asm) {
        long[] program = asm.assemble();
        ByteBuffer bytes = ByteBuffer.allocate(program.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long instruction : program) {
            bytes.putLong(instruction);
        }
        assertEquals(expectedHex, HexFormat.of().formatHex(bytes.array()));
        assertArrayEquals(HexFormat.of().parseHex(expectedHex), bytes.array());
    }
}

package io.xgate.linux.netlink;

import java.util.HexFormat;

/** A 48-bit Ethernet address held in the low bits of a long, so tables can store it without objects. */
public record MacAddress(long value) {
    public static final int LENGTH = 6;

    public MacAddress {
        if ((value & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("not a 48-bit address: " + Long.toHexString(value));
        }
    }

    public static MacAddress of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        long value = 0;
        for (byte b : bytes) {
            value = value << 8 | (b & 0xff);
        }
        return new MacAddress(value);
    }

    public static MacAddress parse(String text) {
        return of(HexFormat.ofDelimiter(":").parseHex(text));
    }

    public byte[] bytes() {
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bytes[i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
        return bytes;
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes());
    }
}

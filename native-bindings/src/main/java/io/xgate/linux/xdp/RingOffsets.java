package io.xgate.linux.xdp;

/** struct xdp_ring_offset: where the kernel put a ring's fields inside its mapping (from XDP_MMAP_OFFSETS). */
record RingOffsets(long producer, long consumer, long desc, long flags) {
}

"""Encrypts inner IP packets with one SA and writes them as Ethernet frames to a pcap.

stdin: the SA spec of ipsec_spec.py plus
  packets   list of inner IP packets (hex)
  seqs      list of 64-bit sequence numbers, one per packet (default 1, 2, 3, ...)
  output    path of the pcap to write
  eth_src, eth_dst  optional MAC addresses
"""
import json
import sys

from scapy.layers.l2 import Ether
from scapy.utils import wrpcap

from ipsec_spec import Sa, parse_ip


def main():
    spec = json.load(sys.stdin)
    sa = Sa(spec)
    packets = [bytes.fromhex(h) for h in spec['packets']]
    seqs = spec.get('seqs') or list(range(1, len(packets) + 1))
    if len(seqs) != len(packets):
        sys.exit('seqs and packets differ in length')
    frames = []
    for inner, seq in zip(packets, seqs):
        outer = parse_ip(sa.encrypt(inner, seq))
        frames.append(Ether(src=spec.get('eth_src', '02:00:00:00:00:01'),
                            dst=spec.get('eth_dst', '02:00:00:00:00:02')) / outer)
    wrpcap(spec['output'], frames)


if __name__ == '__main__':
    main()

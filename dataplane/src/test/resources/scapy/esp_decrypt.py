"""Decrypts the ESP or AH frames of a pcap with one SA; prints one JSON object per frame on stdout:
{"index": i, "ok": true, "seq": n, "inner": hex} or {"index": i, "ok": false, "error": text}.

stdin: the SA spec of ipsec_spec.py plus
  input     path of the pcap to read (Ethernet frames)
For ESN SAs the high half starts at seq_hi and moves up by one when a packet verifies only with the next
value (RFC 4303 Appendix A, reduced to the in-order case).
"""
import json
import sys

from scapy.layers.l2 import Ether
from scapy.layers.ipsec import IPSecIntegrityError
from scapy.utils import rdpcap

from ipsec_spec import Sa


def decrypt(sa, outer, seq_hi):
    """Returns (inner, seq, seq_hi after this packet)."""
    try:
        inner, seq = sa.decrypt(outer, seq_hi)
        return inner, seq, seq_hi
    except IPSecIntegrityError:
        if not sa.esn:
            raise
        inner, seq = sa.decrypt(outer, seq_hi + 1)
        return inner, seq, seq_hi + 1


def main():
    spec = json.load(sys.stdin)
    sa = Sa(spec)
    seq_hi = spec.get('seq_hi', 0)
    for index, frame in enumerate(rdpcap(spec['input'])):
        try:
            inner, seq, seq_hi = decrypt(sa, bytes(Ether(bytes(frame)).payload), seq_hi)
            result = {'index': index, 'ok': True, 'seq': seq, 'inner': inner.hex()}
        except Exception as e:  # noqa: BLE001 - every failure is a result for the caller to judge
            result = {'index': index, 'ok': False, 'error': '%s: %s' % (type(e).__name__, e)}
        print(json.dumps(result), flush=True)


if __name__ == '__main__':
    main()

"""Builds a scapy SecurityAssociation from the JSON spec shared by esp_encrypt.py and esp_decrypt.py.

Spec (JSON object):
  proto      "ESP" or "AH"
  spi        integer
  crypt_algo scapy name ('AES-GCM', 'AES-CBC', '3DES', 'DES', 'NULL'); ignored for AH
  crypt_key  hex (GCM: key || 4-byte salt)
  auth_algo  scapy name ('NULL', 'HMAC-SHA1-96', 'SHA2-256-128', 'SHA2-384-192', 'SHA2-512-256', 'HMAC-MD5-96')
  auth_key   hex
  esn        bool: 64-bit extended sequence numbers (RFC 4304)
  seq_hi     high half of the sequence number the decryptor starts from (ESN only)
  tunnel     {"src": addr, "dst": addr} for tunnel mode (v4 or v6 by the address), absent for transport
  nat_t      bool: ESP in UDP 4500 (RFC 3948)
"""
import hmac
import ipaddress
import socket
import struct

from scapy.layers.inet import IP, UDP
from scapy.packet import Raw
from scapy.layers.inet6 import IPv6
from scapy.layers.ipsec import AH, AUTH_ALGOS, ESP, SecurityAssociation, IPSecIntegrityError

NAT_T_PORT = 4500

HASHES = {
    'HMAC-SHA1-96': 'sha1',
    'SHA2-256-128': 'sha256',
    'SHA2-384-192': 'sha384',
    'SHA2-512-256': 'sha512',
    'HMAC-MD5-96': 'md5',
}


def outer_header(tunnel):
    src, dst = tunnel['src'], tunnel['dst']
    if ipaddress.ip_address(src).version == 4:
        return IP(src=src, dst=dst)
    return IPv6(src=src, dst=dst)


def parse_ip(data):
    return IP(data) if data[0] >> 4 == 4 else IPv6(data)


class Sa:
    """One SA of the spec. scapy 2.5.0 leaves the ESN high half out of the HMAC of non-AEAD ESP
    (RFC 4303 §2.2.1 puts it there), so this class signs and verifies those ICVs itself."""

    def __init__(self, spec):
        self.proto = AH if spec['proto'] == 'AH' else ESP
        self.spi = spec['spi']
        self.esn = bool(spec.get('esn', False))
        self.tunnel = spec.get('tunnel')
        self.nat_t = bool(spec.get('nat_t', False))
        self.auth_algo = spec.get('auth_algo', 'NULL')
        self.auth_key = bytes.fromhex(spec.get('auth_key', ''))
        self.crypt_algo = spec.get('crypt_algo', 'NULL')
        self.own_hmac = self.proto is ESP and self.esn and self.auth_algo != 'NULL'
        kwargs = dict(spi=self.spi, esn_en=self.esn)
        if self.tunnel:
            kwargs['tunnel_header'] = outer_header(self.tunnel)
        if self.proto is ESP:
            kwargs['crypt_algo'] = self.crypt_algo
            kwargs['crypt_key'] = bytes.fromhex(spec.get('crypt_key', ''))
            kwargs['auth_algo'] = 'NULL' if self.own_hmac else self.auth_algo
            kwargs['auth_key'] = b'' if self.own_hmac else self.auth_key
        else:
            kwargs['auth_algo'] = self.auth_algo
            kwargs['auth_key'] = self.auth_key
        self.scapy_sa = SecurityAssociation(self.proto, **kwargs)

    def esn_icv(self, esp_bytes, seq_hi):
        mac = hmac.new(self.auth_key, esp_bytes + struct.pack('!L', seq_hi), HASHES[self.auth_algo])
        return mac.digest()[:AUTH_ALGOS[self.auth_algo].icv_size]

    def encrypt(self, inner, seq):
        """Returns the outer IP packet (bytes) protecting `inner` with the 64-bit sequence number `seq`."""
        lo, hi = seq & 0xffffffff, seq >> 32
        # scapy reads a seq_num argument of 0 as "not given", so the SA's counter carries it instead
        self.scapy_sa.seq_num = lo
        protected = self.scapy_sa.encrypt(parse_ip(inner), esn_en=self.esn, esn=hi)
        if self.own_hmac:
            protected[ESP].data += self.esn_icv(bytes(protected[ESP]), hi)
        if self.proto is ESP:
            return self.wrap(protected, bytes(protected[ESP]))
        return bytes(protected)

    def wrap(self, protected, esp_bytes):
        """The packet with the ESP bytes after its IP header, inside UDP 4500 for NAT-T: scapy 2.5.0 writes
        UDP length 8 on NAT-T packets, and its lengths miss the ICV appended above."""
        if self.nat_t:
            udp = struct.pack('!HHHH', NAT_T_PORT, NAT_T_PORT, 8 + len(esp_bytes), 0)
            return replace_payload(protected, ESP, socket.IPPROTO_UDP, udp + esp_bytes)
        return replace_payload(protected, ESP, socket.IPPROTO_ESP, esp_bytes)

    def decrypt(self, outer, seq_hi):
        """Returns (inner bytes, sequence number). Raises IPSecIntegrityError when the ICV does not verify."""
        packet = parse_ip(outer)
        if self.proto is ESP:
            packet = parse_ip(self.unwrap(packet))
            esp = packet[ESP]
            if self.own_hmac:
                icv_len = AUTH_ALGOS[self.auth_algo].icv_size
                body, icv = bytes(esp)[:-icv_len], bytes(esp)[-icv_len:]
                if not hmac.compare_digest(icv, self.esn_icv(body, seq_hi)):
                    raise IPSecIntegrityError('ICV mismatch')
                esp.data = esp.data[:-icv_len]
            seq = esp.seq
        else:
            seq = packet[AH].seq
        clear = self.scapy_sa.decrypt(packet, esn_en=self.esn, esn=seq_hi)
        return bytes(clear), (seq_hi << 32 | seq) if self.esn else seq

    def unwrap(self, packet):
        """The packet with the ESP bytes right after its IP header, whether they came raw or in UDP 4500."""
        if self.nat_t:
            return replace_payload(packet, UDP, socket.IPPROTO_ESP, bytes(packet[UDP].payload))
        return bytes(packet)


def replace_payload(packet, layer, proto, payload):
    """The bytes of `packet` with `layer` and all after it replaced by `payload`, announced as `proto`.
    Every other header field (TOS, TTL, flow label, ...) is kept; lengths and checksum are recomputed."""
    packet = packet.copy()
    under = packet[layer].underlayer
    under.remove_payload()
    setattr(under, 'proto' if isinstance(under, IP) else 'nh', proto)
    under.add_payload(Raw(payload))
    if packet.version == 4:
        del packet.len
        del packet.chksum
    else:
        del packet.plen
    return bytes(packet)

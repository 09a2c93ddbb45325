#!/usr/bin/python3
"""Writes esp_packets.json: ESP packets sealed by scapy's independent SecurityAssociation (transport mode),
so the tests can check xgate's RFC 4106/4303 framing (salt, IV, AAD, ICV coverage, ESN) against another
implementation. Rerun with /usr/bin/python3 (python3-scapy); the output is deterministic."""
import hashlib
import hmac
import json
import struct
from scapy.layers.inet import IP, UDP
from scapy.layers.ipsec import SecurityAssociation, ESP

SUITES = [  # xgate name, integrity, scapy crypt, scapy auth, enc key len, auth key len
    ("aes-128-gcm", "none", "AES-GCM", None, 20, 0),
    ("aes-192-gcm", "none", "AES-GCM", None, 28, 0),
    ("aes-256-gcm", "none", "AES-GCM", None, 36, 0),
    ("aes-128-cbc", "sha256", "AES-CBC", "SHA2-256-128", 16, 32),
    ("aes-256-cbc", "sha512", "AES-CBC", "SHA2-512-256", 32, 64),
    ("aes-192-cbc", "sha384", "AES-CBC", "SHA2-384-192", 24, 48),
    ("3des", "sha1", "3DES", "HMAC-SHA1-96", 24, 20),
    ("des", "md5", "DES", "HMAC-MD5-96", 8, 16),
    ("null", "sha256", "NULL", "SHA2-256-128", 0, 32),
]


def key(n, seed):
    return bytes((seed * 31 + i * 7) & 0xFF for i in range(n))


out = []
for idx, (enc, integ, crypt, auth, klen, alen) in enumerate(SUITES):
    for esn in (False, True):
        seq_hi, seq_lo = (0x00000002, 0x00000007) if esn else (0, 0x00000005)
        ek, ak = key(klen, idx + 1), key(alen, idx + 101)
        sa = SecurityAssociation(ESP, spi=0x1000 + idx, crypt_algo=crypt, crypt_key=ek or None,
                                 auth_algo=auth, auth_key=ak or None, esn_en=esn, esn=seq_hi)
        inner = IP(src="198.18.1.1", dst="198.18.2.2") / UDP(sport=1234, dport=5678) / (b"xgate-" * (3 + idx))
        iv = None
        if crypt == "AES-GCM":
            iv = ((seq_hi << 32) | seq_lo).to_bytes(8, "big")  # xgate's explicit IV is the 64-bit sequence number
        elif crypt != "NULL":
            iv = bytes(range(0xA0, 0xA0 + sa.crypt_algo.iv_size))
        sealed = sa.encrypt(inner, seq_num=seq_lo, iv=iv)
        esp = bytes(sealed[ESP])
        if esn and auth:
            # scapy 2.5.0 leaves seqHi out of the ESP ICV (it appends it only for AH); RFC 4303 §3.3.2.1 hashes
            # SPI || seq || IV || ciphertext || seqHi, so the ICV is recomputed here with Python's hmac.
            icv_len = sa.auth_algo.icv_size
            digest = {"HMAC-SHA1-96": hashlib.sha1, "HMAC-MD5-96": hashlib.md5, "SHA2-256-128": hashlib.sha256,
                      "SHA2-384-192": hashlib.sha384, "SHA2-512-256": hashlib.sha512}[auth]
            covered = esp[:-icv_len]
            esp = covered + hmac.new(ak, covered + struct.pack("!L", seq_hi), digest).digest()[:icv_len]
        plain = sa.crypt_algo.decrypt(sa, sealed[ESP], sa.crypt_key, sa.crypt_algo.icv_size or sa.auth_algo.icv_size,
                                   esn_en=esn, esn=seq_hi)
        # scapy pads with 1, 2, 3, ... (RFC 4303 §2.4 default); its parsed padding field is not reliable.
        text = bytes(plain.data) + bytes(range(1, plain.padlen + 1)) + bytes([plain.padlen, plain.nh])
        out.append({"encryption": enc, "integrity": integ, "esn": esn, "seqHi": seq_hi,
                    "encryptionKey": ek.hex(), "integrityKey": ak.hex(), "esp": esp.hex(), "text": text.hex()})

with open("esp_packets.json", "w") as f:
    json.dump(out, f, indent=1)
print(len(out), "packets")

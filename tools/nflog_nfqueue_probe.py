#!/usr/bin/env python3
"""Binds an nfnetlink log group or a queue, takes one packet, answers it and unbinds: the other end of
nft's `log group N` / `queue num N`, for tools/capture-kernel-samples.sh to trace.
   nflog_nfqueue_probe.py log GROUP | queue NUM   (run inside the namespace; sends nothing elsewhere)"""
import socket, struct, sys

NETLINK_NETFILTER = 12
REQ, ACK = 0x1, 0x4
AF_INET = 2


def msg(mtype, flags, seq, res_id, attrs):
    body = struct.pack('<BBH', 0, 0, socket.htons(res_id)) + attrs
    return struct.pack('<IHHII', 16 + len(body), mtype, flags, seq, 0) + body


def attr(t, payload):
    pad = (4 - len(payload) % 4) % 4
    return struct.pack('<HH', 4 + len(payload), t) + payload + b'\0' * pad


def talk(s, m):
    s.send(m)
    return s.recv(65536)


def main():
    kind, num = sys.argv[1], int(sys.argv[2])
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    s.bind((0, 0))
    s.settimeout(5)
    if kind == 'log':
        sub = 4 << 8
        config = sub | 1                             # NFULNL_MSG_CONFIG
        talk(s, msg(config, REQ | ACK, 1, num, attr(1, struct.pack('B', 1))))   # NFULA_CFG_CMD bind
        talk(s, msg(config, REQ | ACK, 2, num, attr(2, struct.pack('>IBB', 0xffff, 2, 0))))  # NFULA_CFG_MODE packet
        print(len(s.recv(65536)), 'bytes logged')
        talk(s, msg(config, REQ | ACK, 3, num, attr(1, struct.pack('B', 2))))   # unbind
    else:
        sub = 3 << 8
        config = sub | 2                             # NFQNL_MSG_CONFIG
        talk(s, msg(config, REQ | ACK, 1, num, attr(1, struct.pack('>BBH', 1, 0, AF_INET))))    # NFQA_CFG_CMD bind
        talk(s, msg(config, REQ | ACK, 2, num, attr(2, struct.pack('>IB', 0xffff, 2) + b'\0' * 3)))  # params
        packet = s.recv(65536)
        packet_id = struct.unpack('>I', packet[24:28])[0]   # NFQA_PACKET_HDR is the first attribute
        verdict = attr(2, struct.pack('>II', 1, packet_id))  # NFQA_VERDICT_HDR: NF_ACCEPT
        talk(s, msg(sub | 1, REQ | ACK, 3, num, verdict))   # NFQNL_MSG_VERDICT
        talk(s, msg(config, REQ | ACK, 4, num, attr(1, struct.pack('>BBH', 2, 0, AF_INET))))    # unbind


if __name__ == '__main__':
    main()

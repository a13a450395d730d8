#!/usr/bin/env python3
"""Sends a few generic netlink requests iproute2 6.1 has no command for, so that
tools/capture-family-samples.sh can record real replies: nlctrl's policy dump for a family, and
ethtool's link info and string sets for a device.

    genl_probe.py getpolicy FAMILY
    genl_probe.py ethtool DEVICE
"""
import socket
import struct
import sys

NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 1, 4, 0x300
GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_CMD_GETPOLICY = 0x10, 3, 10
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 1, 2


def attr(t, payload):
    n = 4 + len(payload)
    return struct.pack('=HH', n, t) + payload + b'\0' * ((4 - n % 4) % 4)


def request(sock, ftype, flags, cmd, version, attrs, seq):
    body = struct.pack('=BBH', cmd, version, 0) + attrs
    sock.send(struct.pack('=IHHII', 16 + len(body), ftype, flags, seq, 0) + body)
    replies = []
    while True:
        data = sock.recv(65536)
        off = 0
        while off + 16 <= len(data):
            length, mtype, mflags, mseq, _ = struct.unpack_from('=IHHII', data, off)
            replies.append((mtype, data[off:off + length]))
            if mtype in (2, 3):  # NLMSG_ERROR, NLMSG_DONE
                return replies
            off += (length + 3) & ~3
        if not flags & NLM_F_DUMP:
            return replies


def family_id(sock, name):
    for mtype, msg in request(sock, GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY, 2,
                              attr(CTRL_ATTR_FAMILY_NAME, name.encode() + b'\0'), 1):
        off = 20
        while mtype == GENL_ID_CTRL and off + 4 <= len(msg):
            n, t = struct.unpack_from('=HH', msg, off)
            if t == CTRL_ATTR_FAMILY_ID:
                return struct.unpack_from('=H', msg, off + 4)[0]
            off += (n + 3) & ~3
    raise SystemExit('no generic netlink family ' + name)


def main():
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
    sock.bind((0, 0))
    what, arg = sys.argv[1], sys.argv[2]
    if what == 'getpolicy':
        request(sock, GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, CTRL_CMD_GETPOLICY, 2,
                attr(CTRL_ATTR_FAMILY_NAME, arg.encode() + b'\0'), 2)
    elif what == 'ethtool':
        fid = family_id(sock, 'ethtool')
        header = attr(0x8000 | 1, attr(2, arg.encode() + b'\0'))  # ETHTOOL_A_*_HEADER { DEV_NAME }
        request(sock, fid, NLM_F_REQUEST, 2, 1, header, 3)  # ETHTOOL_MSG_LINKINFO_GET
        request(sock, fid, NLM_F_REQUEST, 6, 1, header, 4)  # ETHTOOL_MSG_LINKSTATE_GET
        request(sock, fid, NLM_F_REQUEST, 11, 1, header, 5)  # ETHTOOL_MSG_FEATURES_GET
        request(sock, fid, NLM_F_REQUEST, 15, 1, header, 6)  # ETHTOOL_MSG_RINGS_GET
        request(sock, fid, NLM_F_REQUEST, 17, 1, header, 7)  # ETHTOOL_MSG_CHANNELS_GET
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main()

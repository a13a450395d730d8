# The pyroute2 contender of `nlwb bench --compare`: reads a LINKTYPE_NETLINK pcap, parses every
# record with pyroute2's rtnetlink marshal (the classes its IPRoute uses) and prints one JSON line
# per message, as a script that wanted JSON from pyroute2 would.
import json
import struct
import sys

from pyroute2.netlink.rtnl.marshal import MarshalRtnl


def records(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack_from("<I", data, 0)[0]
    order = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    pos = 24
    while pos + 16 <= len(data):
        incl = struct.unpack_from(order + "I", data, pos + 8)[0]
        pos += 16
        yield data[pos + 16:pos + incl]  # past the 16-byte netlink cooked header
        pos += incl


def main():
    marshal = MarshalRtnl()
    out = sys.stdout
    for rec in records(sys.argv[1]):
        for msg in marshal.parse(rec):
            out.write(json.dumps(msg.dump(), default=str))
            out.write("\n")


main()

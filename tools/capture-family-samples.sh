#!/usr/bin/env bash
# Captures real netlink conversations for the built-in families' tests, each inside a throwaway
# network namespace (deleted on exit; the host's links are never touched), with strace's byte-exact
# dumps (see samples/README.md for why these strace options):
#   tools/capture-family-samples.sh [OUTDIR]
# Default OUTDIR: decoder/src/test/resources/org/nlwb/decoder/families/captured
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/decoder/src/test/resources/org/nlwb/decoder/families/captured}"
mkdir -p "$out"
NS=nlwb-test-fam-$RANDOM
ip netns add "$NS"
trap 'ip netns del "$NS"' EXIT
X="ip netns exec $NS"
S="strace -f -ttt -yy -e trace=%network -e read=all -e write=all"
$X ip link set lo up

try() { # a setup step; kinds and qdiscs this kernel lacks are skipped, not fatal
    $X "$@" 2>/dev/null || echo "note: skipped (unsupported here): $*" >&2
}

run() { # name command...
    local name=$1; shift
    $X $S -o "$out/$name.strace.txt" "$@" >/dev/null 2>&1 || echo "note: $name exited non-zero" >&2
}

# link kinds with IFLA_LINKINFO / IFLA_INFO_DATA sub-messages
try ip link add vethA type veth peer name vethB
try ip link add br0 type bridge
try ip link add vlan10 link vethA type vlan id 10
try ip link add vx0 type vxlan id 42 dstport 4789 local 10.1.0.1 dev vethA
try ip link add bond0 type bond mode active-backup
try ip link add mv0 link vethA type macvlan mode bridge
try ip link set vethB master br0
try ip link set vethA up
try ip link set vethB up
run ip-d-link-show-kinds ip -d link show
# traffic control: htb with a class, fq_codel leaf, clsact + a flower filter, then the dumps
try tc qdisc add dev vethA root handle 1: htb default 10
try tc class add dev vethA parent 1: classid 1:10 htb rate 10mbit ceil 20mbit
try tc qdisc add dev vethA parent 1:10 handle 10: fq_codel
try tc qdisc add dev vethB clsact
try tc filter add dev vethB ingress protocol ip flower ip_proto tcp dst_port 80 action drop
run tc-s-qdisc-show tc -s qdisc show
run tc-class-show tc -s class show dev vethA
run tc-filter-show tc filter show dev vethB ingress
# addresses, routes, rules, neighbours, netconf
try ip addr add 10.1.0.1/24 dev vethA
try ip -6 addr add fd00::1/64 dev vethA nodad
try ip route add 10.2.0.0/24 via 10.1.0.2 dev vethA metric 5 mtu lock 1400
try ip rule add from 10.1.0.0/24 table 100 priority 100
try ip neigh add 10.1.0.2 lladdr 02:00:00:00:00:02 dev vethA
run ip-route-show-table-all ip route show table all
run ip-rule-show ip rule show
run ip-neigh-show ip neigh show
run ip-netconf-show ip netconf show
try ip nexthop add id 1 via 10.1.0.2 dev vethA
run ip-nexthop-show ip nexthop show
run ip-netns-list-id ip netns list-id
run ip-link-add-vxlan ip link add vx1 type vxlan id 7 dstport 4789 remote 10.1.0.9 dev vethA
run ip-link-add-macvlan ip link add mv1 link vethA type macvlan mode private
run bridge-fdb-show bridge fdb show
run bridge-vlan-show bridge vlan show
run devlink-dev-show devlink dev show
# generic netlink: families learned from CTRL replies in the same conversation
run ip-tcp-metrics-show ip tcp_metrics show
run ip-mptcp-endpoint-show ip mptcp endpoint show
run ip-mptcp-limits-show ip mptcp limits show
run genl-ctrl-getpolicy /usr/bin/python3 "$here/tools/genl_probe.py" getpolicy nlctrl
run genl-ethtool-vethA /usr/bin/python3 "$here/tools/genl_probe.py" ethtool vethA
# IPsec state and policy
run ip-xfrm-state-add ip xfrm state add src 10.1.0.1 dst 10.1.0.2 proto esp spi 0x100 mode tunnel \
    enc 'cbc(aes)' 0x00112233445566778899aabbccddeeff auth 'hmac(sha1)' 0x00112233445566778899aabbccddeeff00112233
run ip-xfrm-state-list ip xfrm state list
run ip-xfrm-policy-add ip xfrm policy add src 10.1.0.0/24 dst 10.2.0.0/24 dir out \
    tmpl src 10.1.0.1 dst 10.1.0.2 proto esp mode tunnel
run ip-xfrm-policy-list ip xfrm policy list
# sockets: a listening unix socket and a connected TCP pair, held open while ss looks at them
$X /usr/bin/python3 -c '
import socket, time
u = socket.socket(socket.AF_UNIX); u.bind("\0nlwb-test"); u.listen()
t = socket.socket(); t.bind(("127.0.0.1", 5555)); t.listen()
c = socket.create_connection(("127.0.0.1", 5555)); a, _ = t.accept(); c.send(b"x" * 100)
time.sleep(3)' &
listener=$!
sleep 1
run ss-xa-listen ss -xa
run ss-tin-listen ss -tin
run ss-f-netlink ss -a -f netlink
wait $listener
echo "wrote $(ls "$out" | wc -l) files to $out" >&2

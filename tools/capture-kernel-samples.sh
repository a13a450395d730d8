#!/usr/bin/env bash
# Records what a current kernel sends beyond the basics -- tc actions, neighbour tables, IPv6
# prefix notifications, nftables objects and flowtables, every ethtool request this kernel answers
# for a veth (and the *_NTF notifications a set sends), ipset list entries, routes with RTA_VIA,
# RTA_EXPIRES and RTA_ENCAP -- each command traced with strace's byte-exact dumps inside a throwaway
# network namespace (deleted on exit; the host's links are never touched):
#   tools/capture-kernel-samples.sh [OUTDIR [ONLY]]   (default: samples/; ONLY: a regex of the
#                                                     sample names to record, the rest are left)
# samples/README.md lists what each file holds.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/samples}"
only="${2:-.}"
mkdir -p "$out"
NS=nlwb-kern-$RANDOM
ip netns add "$NS"
trap 'ip netns del "$NS"' EXIT
X="ip netns exec $NS"
S="strace -f -ttt -yy -e trace=%network -e read=all -e write=all"
$X ip link set lo up

try() { $X "$@" >/dev/null 2>&1 || echo "note: skipped (unsupported here): $*" >&2; }
run() { # name command...
    local name=$1; shift
    [[ $name =~ $only ]] || return 0
    $X $S -o "$out/$name.strace.txt" "$@" >/dev/null 2>&1 || echo "note: $name exited non-zero" >&2
}

try ip link add vethA type veth peer name vethB
try ip link add ifb0 type ifb
try ip link set vethA up
try ip link set vethB up
try ip link set ifb0 up
try ip addr add 10.1.0.1/24 dev vethA
# tc actions: a standalone mirred action, then a u32 filter whose action list holds one
run kernel-tc-actions-add tc actions add action mirred egress redirect dev ifb0 index 5
run kernel-tc-actions-ls tc actions ls action mirred
try tc qdisc add dev vethA ingress
try tc filter add dev vethA parent ffff: protocol ip u32 match ip dst 10.1.0.0/24 action mirred egress redirect dev ifb0
run kernel-tc-filter-actions tc -s filter show dev vethA parent ffff:
# neighbour tables (RTM_GETNEIGHTBL dump: ndtmsg, NDTA_CONFIG, NDTA_STATS, NDTA_PARMS)
run kernel-ip-ntable-show ip -4 ntable show dev vethA
# IPv6 prefix notification: a router advertisement sent from vethB to vethA makes the kernel
# announce RTM_NEWPREFIX on RTNLGRP_IPV6_PREFIX, which `ip monitor prefix` listens to
$X sysctl -qw net.ipv6.conf.vethA.accept_ra=2
sleep 2   # vethA's link-local address must be past DAD before an RA is taken
run kernel-ip-monitor-prefix sh -c 'ip monitor prefix & M=$!; sleep 0.5
    /usr/bin/python3 - <<PY
import socket, struct
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b"vethB")
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
ra = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0, 1800, 0, 0)
pi = struct.pack("!BBBBIII", 3, 4, 64, 0xc0, 86400, 14400, 0) + socket.inet_pton(socket.AF_INET6, "2001:db8:7::")
s.sendto(ra + pi, ("ff02::1", 0, 0, socket.if_nametoindex("vethB")))
PY
    sleep 1; kill $M'
# routes: an IPv4 route through an IPv6 next hop (RTA_VIA), an IPv6 route with RTA_EXPIRES
# (iproute2 sends it as a u32, the kernel's dump as a u64), a seg6 encapsulation (RTA_ENCAP)
run kernel-ip-route-add-via ip route add 10.5.0.0/24 via inet6 fe80::1 dev vethA
run kernel-ip-route-add-expires ip -6 route add 2001:db8:5::/64 dev vethA expires 300
run kernel-ip-route-add-seg6 ip -6 route add 2001:db8:6::/64 encap seg6 mode encap segs 2001:db8::1,2001:db8::2 dev vethA
run kernel-ip-route-show-new ip route show table all
run kernel-ip-6-route-show ip -6 route show dev vethA
# nftables: a table with named objects (counter, quota, limit) and a flowtable, then the ruleset
try nft add table inet nlwb
run kernel-nft-add-objects nft add counter inet nlwb c1 \; add quota inet nlwb q1 over 100 mbytes \
    \; add limit inet nlwb l1 rate 10/second
try nft add flowtable inet nlwb ft '{ hook ingress priority 0; devices = { vethA }; }'
run kernel-nft-list-ruleset nft list ruleset
# ethtool over netlink: every show command (the kernel answers or says EOPNOTSUPP), then sets
# while `ethtool --monitor` prints the notifications they cause
run kernel-ethtool-show sh -c 'for o in "" -k -g -l -c -a --show-eee -T --show-fec --show-priv-flags \
    --show-pse --show-rxfh -m --show-tunnels --show-mm --show-plca; do ethtool $o vethA; done; ethtool -I --show-pause vethA'
run kernel-ethtool-set-ntf sh -c 'ethtool --monitor & M=$!; sleep 0.5; ethtool -K vethA gro on; \
    ethtool -L vethA rx 1 tx 1; ethtool -s vethA msglvl 0; ethtool --set-priv-flags vethA x on; sleep 0.5; kill $M'
# ipset: list entries with counters, comments and MAC addresses
try ipset create nlwb-ip hash:ip counters comment
try ipset add nlwb-ip 10.1.0.7 packets 3 bytes 180 comment "seven"
try ipset create nlwb-mac hash:mac
try ipset add nlwb-mac 02:00:00:00:00:07
run kernel-ipset-list ipset list
try ipset destroy nlwb-ip
try ipset destroy nlwb-mac
# nfnetlink log and queue: nft sends packets to a log group and a queue, a probe binds both and
# answers; nfacct objects; conntrack timeout policies and userspace helpers (nfct)
try nft add table ip nlwbq
try nft add chain ip nlwbq out '{ type filter hook output priority 0; }'
try nft add rule ip nlwbq out ip daddr 127.0.0.2 log group 5
try nft add rule ip nlwbq out ip daddr 127.0.0.3 queue num 3
run kernel-nflog sh -c "/usr/bin/python3 $here/tools/nflog_nfqueue_probe.py log 5 & sleep 0.5; ping -c1 -W1 127.0.0.2; wait"
run kernel-nfqueue sh -c "/usr/bin/python3 $here/tools/nflog_nfqueue_probe.py queue 3 & sleep 0.5; ping -c1 -W1 127.0.0.3; wait"
# The two above are as first recorded: this machine has no ping, so no packet was logged and the
# nft queue expression is missing. The packets: one UDP datagram from Python, logged by the nft
# rule and queued by iptables' NFQUEUE target (x_tables, which this kernel has).
udp() { echo "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'nlwb', ('$1', 9))"; }
try iptables -A OUTPUT -d 127.0.0.3 -p udp -j NFQUEUE --queue-num 3
run kernel-nflog-packet sh -c "/usr/bin/python3 $here/tools/nflog_nfqueue_probe.py log 5 & sleep 0.5; /usr/bin/python3 -c \"$(udp 127.0.0.2)\"; wait"
run kernel-nfqueue-packet sh -c "/usr/bin/python3 $here/tools/nflog_nfqueue_probe.py queue 3 & sleep 0.5; /usr/bin/python3 -c \"$(udp 127.0.0.3)\"; wait"
try iptables -D OUTPUT -d 127.0.0.3 -p udp -j NFQUEUE --queue-num 3
try nft delete table ip nlwbq
run kernel-nfacct sh -c 'nfacct add nlwb-acct; nfacct list; nfacct delete nlwb-acct'
run kernel-nfct-timeout sh -c 'nfct add timeout nlwb-t inet tcp established 100 close 10; nfct list timeout; nfct delete timeout nlwb-t'
run kernel-nfct-helper sh -c 'nfct add helper nlwb-h inet tcp; nfct list helper; nfct delete helper nlwb-h'
# conntrack: a TCP connection on lo, tracked because a ct rule is loaded, listed with its TCP
# protoinfo (state, window scales, flag/mask pairs)
try nft add table ip nlwbct
try nft add chain ip nlwbct out '{ type filter hook output priority 0; }'
try nft add rule ip nlwbct out ct state established accept
$X /usr/bin/python3 -c '
import socket, time
t = socket.socket(); t.bind(("127.0.0.1", 5556)); t.listen()
c = socket.create_connection(("127.0.0.1", 5556)); a, _ = t.accept(); c.send(b"x"); time.sleep(3)' &
ct=$!
sleep 1
run kernel-conntrack-list conntrack -L -p tcp
wait $ct
try nft delete table ip nlwbct
# htb with one class, a few packets through it, then its statistics (TCA_STATS2, TCA_XSTATS as
# struct tc_htb_xstats for the class); this kernel has no fq_codel, cake, fq or sfq
try tc qdisc add dev vethA root handle 1: htb default 10
try tc class add dev vethA parent 1: classid 1:10 htb rate 10mbit
$X /usr/bin/python3 -c "$(udp 10.1.0.2)" >/dev/null 2>&1 || true
run kernel-tc-htb-stats sh -c 'tc -s qdisc show dev vethA; tc -s class show dev vethA'
# a bridge with vethB as its port and multicast statistics on: the port's and the bridge's
# extended statistics (IFLA_STATS_LINK_XSTATS_SLAVE / _XSTATS: LINK_XSTATS_TYPE_BRIDGE); this
# kernel has no VLAN filtering, so no BRIDGE_XSTATS_VLAN is sent
try ip link add nlwbbr0 type bridge mcast_stats_enabled 1
try ip link set vethB master nlwbbr0
try ip link set nlwbbr0 up
run kernel-bridge-xstats sh -c 'ip stats show dev vethB group xstats_slave; ip stats show dev nlwbbr0 group xstats; ip -s -d link show dev vethB'
echo "recorded into $out" >&2

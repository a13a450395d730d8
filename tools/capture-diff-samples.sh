#!/usr/bin/env bash
# Records the conversations `nlwb diff` is tested on: `ip link add` for a veth pair, twice the
# same (two runs differ only by noise: seq, port ids, times), once with another link name (the one
# changed attribute), and nlwb's own RTM_NEWLINK sent twice, once with NLA_F_NESTED cleared on
# IFLA_LINKINFO (the kernel's answers are real). Each run has a throwaway namespace of its own
# (nlwb-diff-*, deleted on exit); the host's links are never touched. As root:
#   tools/capture-diff-samples.sh [OUTDIR]          (default: samples/)
# NLWB names the nlwb command (default: ./nlwb); samples/README.md lists what each file holds.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/samples}"
NLWB="${NLWB:-$here/nlwb}"
mkdir -p "$out"
S="strace -f -ttt -yy -e trace=%network -e read=all -e write=all"
made=()
trap 'for n in "${made[@]}"; do ip netns del "$n" 2>/dev/null || true; done' EXIT
fresh_ns() { # sets ns to the name of a new namespace with lo up (no subshell: the trap must know it)
    ns=nlwb-diff-$RANDOM-$RANDOM
    ip netns add "$ns"
    made+=("$ns")
    ip netns exec "$ns" ip link set lo up
}
traced() { # name command...
    local name=$1; shift
    fresh_ns
    ip netns exec "$ns" $S -o "$out/$name.strace.txt" "$@" >/dev/null 2>&1 || echo "note: $name exited non-zero" >&2
}

traced diff-ip-link-add-veth-run1 ip link add v0 type veth peer name v1
traced diff-ip-link-add-veth-run2 ip link add v0 type veth peer name v1
traced diff-ip-link-add-veth-name ip link add v7 type veth peer name v1

# nlwb's own encoding of the same request (it sets NLA_F_NESTED on IFLA_LINKINFO), then the same
# bytes with that one bit cleared: nla_type 0x8012 -> 0x0012
json='{"ifname": "v0", "linkinfo": {"kind": "veth", "data": {"peer": {"ifname": "v1"}}}}'
hex=$($NLWB send --family rt-link --do newlink --flags create,excl --json "$json" --dry-run \
      | sed -n '2{s/^ *//;p}')
case "$hex" in *30001280*) ;; *) echo "IFLA_LINKINFO with NLA_F_NESTED not found in $hex" >&2; exit 1;; esac
cleared=${hex/30001280/30001200}
fresh_ns
$NLWB send --protocol route --hex "$hex" --fix-up --netns "$ns" --write "$out/diff-send-veth-nested.pcap" >/dev/null
fresh_ns
$NLWB send --protocol route --hex "$cleared" --fix-up --netns "$ns" --write "$out/diff-send-veth-no-nested.pcap" >/dev/null

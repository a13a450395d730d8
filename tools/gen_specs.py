#!/usr/bin/env python3
"""Writes nlwb's built-in YNL specs from the kernel UAPI headers.

The headers are the facts: attribute, message and enum numbers and names, and struct layouts
are read from /usr/include/linux (or --include DIR). What a header does not say -- the type of
each attribute's payload, which nest an attribute holds, which kind selects a sub-message -- is
written below, family by family, in a compact form:

    'mtu': 'u32'                      scalar
    'ifname': 'string'                text
    'address': 'binary hint=mac'      bytes with a display hint
    'stats64': 'binary struct=rtnl-link-stats64'
    'linkinfo': 'nest linkinfo-attrs'
    'data': 'sub-message linkinfo-data-msg sel=kind'
    'operstate': 'u8 enum=oper-state'
    'port': 'u16 be'                  big-endian
    'alt-ifname': 'string multi'      may repeat

Attributes a header names but the table below does not type become 'binary' (named, bytes
shown as hex) and are listed on stderr so a reviewer sees them.

Usage: tools/gen_specs.py [--include /usr/include] [--out decoder/src/main/resources/org/nlwb/specs]
"""
import argparse
import os
import re
import sys

import yaml

INCLUDE = '/usr/include'
UNTYPED = []


# ---------------------------------------------------------------------------------------------
# Header parsing
# ---------------------------------------------------------------------------------------------

_cache = {}


def header_text(path):
    if path not in _cache:
        with open(os.path.join(INCLUDE, path)) as f:
            text = f.read()
        text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
        text = re.sub(r'//[^\n]*', ' ', text)
        text = re.sub(r'^\s*#[^\n]*(\\\n[^\n]*)*', ' ', text, flags=re.M)
        _cache[path] = text
    return _cache[path]


def _eval(expr, known):
    expr = expr.strip()
    e = expr
    for name in sorted(known, key=len, reverse=True):
        e = re.sub(r'\b%s\b' % re.escape(name), str(known[name]), e)
    e = re.sub(r'(\d+)U?L*\b', r'\1', e)
    if not re.fullmatch(r'[0-9xXa-fA-F()<>|+\- ~&*]+', e):
        raise ValueError('cannot evaluate %r' % expr)
    return int(eval(e))


def enum_members(path, first):
    """The (name, value) pairs of the enum in `path` that has a member named `first`. Members may
    refer to constants of earlier enums in the file (IPSET_ATTR_IP = IPSET_ATTR_UNSPEC + 1)."""
    text = header_text(path)
    known = {}
    for m in re.finditer(r'enum\s*\w*\s*\{(.*?)\}', text, flags=re.S):
        body = m.group(1)
        names = [p.split('=')[0].strip() for p in body.split(',')]
        out = []
        nxt = 0
        for part in body.split(','):
            part = part.strip()
            if not part:
                continue
            if '=' in part:
                name, expr = part.split('=', 1)
                name = name.strip()
                try:
                    val = _eval(expr, known)
                except (ValueError, SyntaxError):
                    val = nxt
            else:
                name, val = part, nxt
            known[name] = val
            nxt = val + 1
            out.append((name, val))
        if first in names:
            return out
    raise KeyError('%s: no enum with %s' % (path, first))


def is_sentinel(name, value, members):
    """An enum's bookkeeping member: __FOO_MAX, or FOO_MAX = __FOO_MAX - 1 (the same value as a real
    member). A real member that happens to end in _MAX (IFLA_BR_MCAST_HASH_MAX) is not one."""
    if name.startswith('__') or name.startswith('NUM_'):
        return True
    if name.endswith('_MAX') or name.endswith('_CNT') and name.startswith('__'):
        return any(v == value and n != name and not n.startswith('__') for n, v in members) \
            or not any(n != name and v == value for n, v in members) and value == max(v for _, v in members)
    return False


def defines(path, pattern):
    """(name, value) of `#define NAME VALUE` lines whose name matches `pattern` (a regex), in order."""
    with open(os.path.join(INCLUDE, path)) as f:
        raw = re.sub(r'/\*.*?\*/', ' ', f.read(), flags=re.S)
    out = []
    known = {}
    for m in re.finditer(r'^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+([^\n]+?)[ \t]*$', raw, flags=re.M):
        try:
            v = _eval(m.group(2), known)
        except (ValueError, SyntaxError):
            continue
        known[m.group(1)] = v
        if re.fullmatch(pattern, m.group(1)):
            out.append((m.group(1), v))
    return out


C_TYPES = {
    '__u8': ('u8', 1), 'u8': ('u8', 1), 'unsigned char': ('u8', 1), '__s8': ('s8', 1), 'char': ('u8', 1),
    'signed char': ('s8', 1),
    '__u16': ('u16', 2), 'unsigned short': ('u16', 2), '__s16': ('s16', 2), 'short': ('s16', 2),
    '__be16': ('u16 be', 2), '__sum16': ('u16', 2),
    '__u32': ('u32', 4), 'unsigned int': ('u32', 4), 'unsigned': ('u32', 4), '__s32': ('s32', 4), 'int': ('s32', 4),
    '__be32': ('u32 be', 4), '__kernel_pid_t': ('s32', 4), 'uid_t': ('u32', 4), 'gid_t': ('u32', 4),
    '__kernel_uid32_t': ('u32', 4),
    '__u64': ('u64', 8), '__aligned_u64': ('u64', 8), '__s64': ('s64', 8), '__be64': ('u64 be', 8),
}


# typedefs that are unions or arrays: kept as bytes (size, alignment)
OPAQUE_TYPES = {'xfrm_address_t': (16, 4)}


def ynl_name(c):
    return c.strip('_').lower().replace('_', '-')


def struct_members(path, name, rename=None):
    """YNL struct members of `struct name` in header `path`, in order. C's implicit alignment holes
    (natural alignment, x86-64) become explicit `pad` members, as YNL wants them."""
    return _struct(path, name, rename)[0]


def _struct(path, name, rename=None):
    text = header_text(path)
    m = re.search(r'struct\s+%s\s*\{' % re.escape(name), text)
    if not m:
        raise KeyError('%s: no struct %s' % (path, name))
    depth, i = 1, m.end()
    while depth:
        depth += {'{': 1, '}': -1}.get(text[i], 0)
        i += 1
    body = text[m.end():i - 1]
    packed = re.match(r'\s*__attribute__\s*\(\(\s*packed', text[i:]) is not None
    members = []  # (member dict, size, align)
    for stmt in body.split(';'):
        stmt = ' '.join(stmt.split())
        if not stmt:
            continue
        sm = re.fullmatch(r'struct (\w+) (\w+)(\[(\w*)\])?', stmt)
        if sm:
            sub_members, size, align = _struct(path, sm.group(1))
            if sm.group(3):
                if not sm.group(4):
                    continue  # flexible array member: not part of sizeof
                n = int(sm.group(4))
                members.append(({'name': ynl_name(sm.group(2)), 'type': 'binary', 'len': size * n}, size * n, align))
            else:
                members.append(({'name': ynl_name(sm.group(2)), 'type': 'binary', 'struct': ynl_name(sm.group(1)),
                                 '_struct': (path, sm.group(1))}, size, align))
            continue
        om = re.fullmatch(r'(\w+) (\w+)', stmt)
        if om and om.group(1) in OPAQUE_TYPES:
            size, align = OPAQUE_TYPES[om.group(1)]
            members.append(({'name': ynl_name(om.group(2)), 'type': 'binary', 'len': size}, size, align))
            continue
        tm = re.fullmatch(r'((?:unsigned |signed )?\w+(?: int| char| short)?)(?: __attribute__\(\(aligned\((\d+)\)\)\))? (.+)', stmt)
        if not tm or tm.group(1) not in C_TYPES:
            raise ValueError('%s struct %s: cannot read member %r' % (path, name, stmt))
        ctype, width = C_TYPES[tm.group(1)]
        align = int(tm.group(2)) if tm.group(2) else width
        decls = [d.strip() for d in tm.group(3).split(',')]
        if all(':' in d for d in decls):
            names = '-'.join(ynl_name(d.split(':')[0].strip()) for d in decls)
            members.append((_scalar(names, ctype), width, align))
            continue
        for d in decls:
            am = re.fullmatch(r'(\w+)\s*\[\s*(\w*)\s*\]', d)
            if am:
                if not am.group(2):
                    continue  # flexible array member: not part of sizeof
                n = int(am.group(2)) if am.group(2).isdigit() else dict(defines(path, am.group(2)))[am.group(2)]
                t = 'string' if tm.group(1) == 'char' else 'binary'
                members.append(({'name': ynl_name(am.group(1)), 'type': t, 'len': n * width}, n * width, align))
            else:
                members.append((_scalar(ynl_name(d), ctype), width, align))
    out = []
    off = 0
    max_align = 1
    holes = 0
    for mem, size, align in members:
        if packed:
            align = 1
        max_align = max(max_align, align)
        if off % align:
            hole = align - off % align
            holes += 1
            out.append({'name': 'pad-%d' % holes, 'type': 'pad', 'len': hole})
            off += hole
        out.append(mem)
        off += size
    if off % max_align:
        hole = max_align - off % max_align
        holes += 1
        out.append({'name': 'pad-%d' % holes, 'type': 'pad', 'len': hole})
        off += hole
    if rename:
        for mem in out:
            mem['name'] = rename.get(mem['name'], mem['name'])
    return out, off, max_align


def _scalar(name, ctype):
    parts = ctype.split()
    d = {'name': name, 'type': parts[0]}
    if 'be' in parts:
        d['byte-order'] = 'big-endian'
    return d


def struct_size(path, name):
    return _struct(path, name)[1]


# ---------------------------------------------------------------------------------------------
# Spec building
# ---------------------------------------------------------------------------------------------

class Spec:
    def __init__(self, name, protocol, protonum=None, uapi=None, doc=None):
        self.name = name
        self.protocol = protocol
        self.protonum = protonum
        self.uapi = uapi
        self.doc = doc
        self.definitions = []
        self.def_names = set()
        self.sets = []
        self.set_names = set()
        self.submsgs = []
        self.ops = []
        self.ops_prefix = None
        self.ops_model = None
        self.fixed_header = None
        self.mcast = []

    # definitions -----------------------------------------------------------------------------
    def struct(self, path, cname, yname=None, rename=None):
        yname = yname or ynl_name(cname)
        if yname in self.def_names:
            return yname
        members = struct_members(path, cname, rename)
        for mem in members:
            if '_struct' in mem:
                self.struct(*mem.pop('_struct'))
        self.definitions.append({'name': yname, 'type': 'struct', 'members': members})
        self.def_names.add(yname)
        return yname

    def enum(self, yname, path, first, prefix, flags=False, skip=()):
        """An enum (or flags, from bit-valued constants) named `yname` from the header enum holding `first`."""
        if yname in self.def_names:
            return yname
        entries = []
        seen = set()
        members = enum_members(path, first)
        for n, v in members:
            if is_sentinel(n, v, members) or n in skip or v in seen or not n.startswith(prefix):
                continue
            seen.add(v)
            entries.append((n, v))
        self._enum(yname, prefix, entries, flags)
        return yname

    def enum_defines(self, yname, path, pattern, prefix, flags=False):
        if yname in self.def_names:
            return yname
        entries, seen = [], set()
        for n, v in defines(path, pattern):
            if v in seen:
                continue
            seen.add(v)
            entries.append((n, v))
        self._enum(yname, prefix, entries, flags)
        return yname

    def enum_list(self, yname, prefix, entries, flags=False):
        if yname not in self.def_names:
            self._enum(yname, prefix, entries, flags)
        return yname

    def _enum(self, yname, prefix, entries, flags):
        out = []
        for n, v in entries:
            short = n[len(prefix):].lower().replace('_', '-')
            if not re.fullmatch(r'[0-9a-z-]+', short):
                continue
            if flags:
                if v <= 0 or v & (v - 1):
                    continue
                out.append({'name': short, 'value': v.bit_length() - 1})
            else:
                out.append({'name': short, 'value': v})
        d = {'name': yname, 'type': 'flags' if flags else 'enum', 'name-prefix': prefix.lower().replace('_', '-'),
             'entries': out}
        self.definitions.append(d)
        self.def_names.add(yname)

    # attribute sets --------------------------------------------------------------------------
    def attrs(self, yname, path, first, prefix, types, skip=(), extra=()):
        """An attribute set from the header enum holding `first`; names are the constants less `prefix`."""
        members = [(n, v) for n, v in enum_members(path, first)]
        members += list(extra)
        self.attrs_from(yname, members, prefix, types, skip)
        return yname

    def attrs_from(self, yname, members, prefix, types, skip=()):
        by_value = {}
        order = []
        for n, v in members:
            if is_sentinel(n, v, members) or n.endswith('_UNSPEC') or n.endswith('_NONE') \
                    or n in skip or not n.startswith(prefix):
                continue
            if v == 0 and not types.get('@zero'):
                continue
            if v not in by_value:
                order.append(v)
            by_value[v] = n  # a later alias (IFLA_TARGET_NETNSID) is the current name
        attrs = []
        for v in order:
            n = by_value[v]
            short = n[len(prefix):].lower().replace('_', '-')
            t = types.get(short)
            if t is None:
                # the older alias may be the one typed
                for alias, av in members:
                    if av == v and alias.startswith(prefix) and alias[len(prefix):].lower().replace('_', '-') in types:
                        t = types[alias[len(prefix):].lower().replace('_', '-')]
                        break
            if t is None:
                UNTYPED.append('%s: %s.%s' % (self.name, yname, short))
                t = 'binary'
            attrs.append(self._attr(short, v, t))
        self.sets.append({'name': yname, 'name-prefix': prefix.lower().replace('_', '-'), 'attributes': attrs})
        self.set_names.add(yname)
        return yname

    @staticmethod
    def _attr(short, value, t):
        words = t.split()
        a = {'name': short, 'type': words[0], 'value': value}
        for w in words[1:]:
            if w == 'be':
                a['byte-order'] = 'big-endian'
            elif w == 'multi':
                a['multi-attr'] = True
            elif w == 'flags':
                a['enum-as-flags'] = True
            elif w.startswith('hint='):
                a['display-hint'] = w[5:]
            elif w.startswith('struct='):
                a['struct'] = w[7:]
            elif w.startswith('enum='):
                a['enum'] = w[5:]
            elif w.startswith('sel='):
                a['selector'] = w[4:]
            elif w.startswith('sub='):
                a['sub-type'] = w[4:]
            elif words[0] in ('nest', 'indexed-array', 'nest-type-value') and 'nested-attributes' not in a:
                a['nested-attributes'] = w
            elif words[0] == 'sub-message' and 'sub-message' not in a:
                a['sub-message'] = w
            else:
                raise ValueError('bad type word %r in %r' % (w, t))
        if words[0] == 'indexed-array' and 'sub-type' not in a:
            a['sub-type'] = 'nest'
        return a

    def submsg(self, yname, formats):
        """formats: list of (selector value, attribute-set or None, fixed-header or None)."""
        fs = []
        for value, aset, fh in formats:
            f = {'value': value}
            if aset:
                f['attribute-set'] = aset
            if fh:
                f['fixed-header'] = fh
            fs.append(f)
        self.submsgs.append({'name': yname, 'formats': fs})

    # operations ------------------------------------------------------------------------------
    def op(self, name, value, aset, fixed_header=None, request=True, reply=True, dump=False, reply_value=None):
        self.ops.append((name, value, aset, fixed_header, request, reply, dump, reply_value))

    def render(self):
        doc = {'name': self.name}
        if self.protocol:
            doc['protocol'] = self.protocol
        if self.uapi:
            doc['uapi-header'] = self.uapi
        if self.protonum is not None:
            doc['protonum'] = self.protonum
        doc['doc'] = self.doc or ('%s, written by tools/gen_specs.py from the UAPI headers.' % self.name)
        if self.definitions:
            doc['definitions'] = self.definitions
        doc['attribute-sets'] = self.sets
        if self.submsgs:
            doc['sub-messages'] = self.submsgs
        ops = {}
        if self.ops_model:
            ops['enum-model'] = self.ops_model
        if self.ops_prefix is not None:
            ops['name-prefix'] = self.ops_prefix
        lst = []
        for name, value, aset, fh, request, reply, dump, reply_value in self.ops:
            o = {'name': name}
            if self.ops_model != 'directional':
                o['value'] = value
            o['attribute-set'] = aset
            if fh:
                o['fixed-header'] = fh
            mode = {}
            if request:
                mode['request'] = {'attributes': []}
                if self.ops_model == 'directional':
                    mode['request']['value'] = value
            if reply:
                mode['reply'] = {'attributes': []}
                if self.ops_model == 'directional':
                    mode['reply']['value'] = reply_value if reply_value is not None else value
            o['dump' if dump else 'do'] = mode
            lst.append(o)
        ops['list'] = lst
        doc['operations'] = ops
        if self.mcast:
            doc['mcast-groups'] = {'list': [{'name': n} if v is None else {'name': n, 'value': v} for n, v in self.mcast]}
        return doc


def write(spec, out):
    path = os.path.join(out, spec.name + '.yaml')

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data):
            return True

    with open(path, 'w') as f:
        f.write('# SPDX-License-Identifier: GPL-2.0-or-later OR Apache-2.0\n')
        f.write('# Generated by tools/gen_specs.py from the kernel UAPI headers; edit the generator, not this file.\n')
        f.write('---\n')
        yaml.dump(spec.render(), f, Dumper=Dumper, sort_keys=False, default_flow_style=False, width=100)
    return path


FAMILIES = []


def family(fn):
    FAMILIES.append(fn)
    return fn


# ---------------------------------------------------------------------------------------------
# Shared definitions
# ---------------------------------------------------------------------------------------------

# linux/socket.h (through glibc's bits/socket.h) -- the families rtnetlink and friends print.
ADDRESS_FAMILIES = [('AF_UNSPEC', 0), ('AF_UNIX', 1), ('AF_INET', 2), ('AF_AX25', 3), ('AF_IPX', 4),
                    ('AF_APPLETALK', 5), ('AF_NETROM', 6), ('AF_BRIDGE', 7), ('AF_ATMPVC', 8), ('AF_X25', 9),
                    ('AF_INET6', 10), ('AF_ROSE', 11), ('AF_DECNET', 12), ('AF_NETBEUI', 13), ('AF_SECURITY', 14),
                    ('AF_KEY', 15), ('AF_NETLINK', 16), ('AF_PACKET', 17), ('AF_MPLS', 28), ('AF_CAN', 29),
                    ('AF_TIPC', 30), ('AF_BLUETOOTH', 31), ('AF_VSOCK', 40), ('AF_SMC', 43), ('AF_XDP', 44),
                    ('AF_MCTP', 45)]


def address_families(spec):
    return spec.enum_list('address-families', 'AF_', ADDRESS_FAMILIES)


def rt_common(spec):
    """Enums several rtnetlink families print: link flags, ARPHRD types, scopes, tables, route types."""
    spec.enum('net-device-flags', 'linux/if.h', 'IFF_UP', 'IFF_', flags=True)
    spec.enum_defines('arphrd', 'linux/if_arp.h', r'ARPHRD_\w+', 'ARPHRD_')
    spec.enum('rt-scope', 'linux/rtnetlink.h', 'RT_SCOPE_UNIVERSE', 'RT_SCOPE_')
    spec.enum('rt-table', 'linux/rtnetlink.h', 'RT_TABLE_UNSPEC', 'RT_TABLE_', skip=('RT_TABLE_MAX',))
    spec.enum('rtm-type', 'linux/rtnetlink.h', 'RTN_UNSPEC', 'RTN_')
    spec.enum_defines('rt-protocol', 'linux/rtnetlink.h', r'RTPROT_\w+', 'RTPROT_')
    address_families(spec)


def rtm_ops(spec, names, aset, fixed_header):
    """One operation per RTM_* message type: the same id and name both ways (RTM_NEWLINK is a
    request, a reply to RTM_GETLINK and a notification)."""
    values = dict(enum_members('linux/rtnetlink.h', 'RTM_NEWLINK'))
    spec.ops_prefix = 'rtm-'
    for n in names:
        if 'RTM_' + n.upper() in values:  # RTM_NEWMULTICAST and friends are newer than some headers
            spec.op(n, values['RTM_' + n.upper()], aset, fixed_header)


# ---------------------------------------------------------------------------------------------
# NETLINK_ROUTE
# ---------------------------------------------------------------------------------------------

# Link attributes the running kernel (6.18) sends that Debian 12's 6.1 UAPI headers do not have yet,
# numbered as in the kernel's include/uapi/linux/if_link.h (enum continues after IFLA_ALLMULTI = 61).
# Headers that have them already list the same numbers, so the extra entries change nothing there.
IFLA_NEWER_THAN_HEADERS = [
    ('IFLA_DEVLINK_PORT', 62), ('IFLA_GSO_IPV4_MAX_SIZE', 63), ('IFLA_GRO_IPV4_MAX_SIZE', 64),
    ('IFLA_DPLL_PIN', 65), ('IFLA_MAX_PACING_OFFLOAD_HORIZON', 66), ('IFLA_NETNS_IMMUTABLE', 67),
    ('IFLA_HEADROOM', 68), ('IFLA_TAILROOM', 69),
]


@family
def rt_link():
    s = Spec('rt-link', 'netlink-raw', 0, 'linux/rtnetlink.h',
             'Link configuration over rtnetlink (RTM_NEWLINK ...), from linux/if_link.h and linux/rtnetlink.h.')
    rt_common(s)
    s.struct('linux/rtnetlink.h', 'ifinfomsg')
    for d in s.definitions:
        if d['name'] == 'ifinfomsg':
            for m in d['members']:
                if m['name'] == 'ifi-family':
                    m['enum'] = 'address-families'
                if m['name'] == 'ifi-type':
                    m['enum'] = 'arphrd'
                if m['name'] in ('ifi-flags', 'ifi-change'):
                    m['enum'] = 'net-device-flags'
                    m['enum-as-flags'] = True
    s.struct('linux/if_link.h', 'rtnl_link_stats')
    s.struct('linux/if_link.h', 'rtnl_link_stats64')
    s.struct('linux/if_link.h', 'rtnl_link_ifmap')
    s.struct('linux/if_link.h', 'ifla_cacheinfo')
    s.struct('linux/if_link.h', 'ifla_vlan_flags')
    s.struct('linux/if_link.h', 'ifla_vlan_qos_mapping')
    s.struct('linux/if_link.h', 'ifla_vxlan_port_range')
    s.struct('linux/if_link.h', 'ifla_bridge_id')
    s.enum('oper-state', 'linux/if.h', 'IF_OPER_UNKNOWN', 'IF_OPER_')
    s.enum('link-mode', 'linux/if.h', 'IF_LINK_MODE_DEFAULT', 'IF_LINK_MODE_')
    s.enum('macvlan-mode', 'linux/if_link.h', 'MACVLAN_MODE_PRIVATE', 'MACVLAN_MODE_', flags=True)
    s.enum('macvlan-macaddr-mode', 'linux/if_link.h', 'MACVLAN_MACADDR_ADD', 'MACVLAN_MACADDR_')
    s.enum('in6-addr-gen-mode', 'linux/if_link.h', 'IN6_ADDR_GEN_MODE_EUI64', 'IN6_ADDR_GEN_MODE_')
    s.enum('rtext-filter', 'linux/rtnetlink.h', 'RTEXT_FILTER_VF', 'RTEXT_FILTER_', flags=True) \
        if _has_enum('linux/rtnetlink.h', 'RTEXT_FILTER_VF') else \
        s.enum_defines('rtext-filter', 'linux/rtnetlink.h', r'RTEXT_FILTER_\w+', 'RTEXT_FILTER_', flags=True)
    s.enum('vxlan-df', 'linux/if_link.h', 'VXLAN_DF_UNSET', 'VXLAN_DF_')

    s.attrs('link-attrs', 'linux/if_link.h', 'IFLA_UNSPEC', 'IFLA_', extra=IFLA_NEWER_THAN_HEADERS, types={
        'address': 'binary hint=mac', 'broadcast': 'binary hint=mac', 'ifname': 'string', 'mtu': 'u32',
        'link': 'u32', 'qdisc': 'string', 'stats': 'binary struct=rtnl-link-stats', 'cost': 'string',
        'priority': 'string', 'master': 'u32', 'wireless': 'string', 'protinfo': 'nest protinfo-attrs',
        'txqlen': 'u32', 'map': 'binary struct=rtnl-link-ifmap', 'weight': 'u32',
        'operstate': 'u8 enum=oper-state', 'linkmode': 'u8 enum=link-mode', 'linkinfo': 'nest linkinfo-attrs',
        'net-ns-pid': 'u32', 'ifalias': 'string', 'num-vf': 'u32', 'vfinfo-list': 'nest vfinfo-list-attrs',
        'stats64': 'binary struct=rtnl-link-stats64', 'vf-ports': 'nest vf-ports-attrs',
        'port-self': 'nest port-self-attrs', 'af-spec': 'nest af-spec-attrs', 'group': 'u32',
        'net-ns-fd': 'u32', 'ext-mask': 'u32 enum=rtext-filter flags', 'promiscuity': 'u32',
        'num-tx-queues': 'u32', 'num-rx-queues': 'u32', 'carrier': 'u8', 'phys-port-id': 'binary',
        'carrier-changes': 'u32', 'phys-switch-id': 'binary', 'link-netnsid': 's32',
        'phys-port-name': 'string', 'proto-down': 'u8', 'gso-max-segs': 'u32', 'gso-max-size': 'u32',
        'pad': 'pad', 'xdp': 'nest xdp-attrs', 'event': 'u32', 'new-netnsid': 's32', 'if-netnsid': 's32',
        'target-netnsid': 's32', 'carrier-up-count': 'u32', 'carrier-down-count': 'u32',
        'new-ifindex': 's32', 'min-mtu': 'u32', 'max-mtu': 'u32', 'prop-list': 'nest prop-list-link-attrs',
        'alt-ifname': 'string multi', 'perm-address': 'binary hint=mac',
        'proto-down-reason': 'nest proto-down-reason-attrs', 'parent-dev-name': 'string',
        'parent-dev-bus-name': 'string', 'gro-max-size': 'u32', 'tso-max-size': 'u32', 'tso-max-segs': 'u32',
        'allmulti': 'u32', 'devlink-port': 'binary', 'gso-ipv4-max-size': 'u32',
        'gro-ipv4-max-size': 'u32', 'dpll-pin': 'binary', 'max-pacing-offload-horizon': 'uint',
        'netns-immutable': 'u8', 'headroom': 'u16', 'tailroom': 'u16',
    })
    # IFLA_PROP_LIST holds IFLA_ALT_IFNAME entries: the link-attrs numbering again.
    s.attrs('prop-list-link-attrs', 'linux/if_link.h', 'IFLA_UNSPEC', 'IFLA_', {'alt-ifname': 'string multi'},
            skip=[n for n, _ in enum_members('linux/if_link.h', 'IFLA_UNSPEC') if n != 'IFLA_ALT_IFNAME'])
    s.attrs('proto-down-reason-attrs', 'linux/if_link.h', 'IFLA_PROTO_DOWN_REASON_UNSPEC', 'IFLA_PROTO_DOWN_REASON_',
            {'mask': 'u32', 'value': 'u32'}, skip=('IFLA_PROTO_DOWN_REASON_CNT',))
    s.attrs_from('af-spec-attrs', [('AF_INET', 2), ('AF_INET6', 10), ('AF_BRIDGE', 7), ('AF_MCTP', 45)], 'AF_', {
        'inet': 'nest ifla-attrs', 'inet6': 'nest ifla6-attrs', 'bridge': 'nest bridge-af-attrs',
        'mctp': 'binary'})
    s.attrs('ifla-attrs', 'linux/if_link.h', 'IFLA_INET_UNSPEC', 'IFLA_INET_', {'conf': 'binary'})
    s.attrs('ifla6-attrs', 'linux/if_link.h', 'IFLA_INET6_UNSPEC', 'IFLA_INET6_', {
        'flags': 'u32', 'conf': 'binary', 'stats': 'binary', 'mcast': 'binary',
        'cacheinfo': 'binary struct=ifla-cacheinfo', 'icmp6stats': 'binary', 'token': 'binary hint=ipv6',
        'addr-gen-mode': 'u8 enum=in6-addr-gen-mode', 'ra-mtu': 'u32'})
    s.attrs('bridge-af-attrs', 'linux/if_bridge.h', 'IFLA_BRIDGE_FLAGS', 'IFLA_BRIDGE_', {
        'flags': 'u16', 'mode': 'u16', 'vlan-info': 'binary'})
    s.attrs('xdp-attrs', 'linux/if_link.h', 'IFLA_XDP_UNSPEC', 'IFLA_XDP_', {
        'fd': 's32', 'attached': 'u8', 'flags': 'u32', 'prog-id': 'u32', 'drv-prog-id': 'u32',
        'skb-prog-id': 'u32', 'hw-prog-id': 'u32', 'expected-fd': 's32'})
    s.attrs('vfinfo-list-attrs', 'linux/if_link.h', 'IFLA_VF_INFO_UNSPEC', 'IFLA_VF_', {
        'info': 'nest vfinfo-attrs multi'})
    s.attrs('vfinfo-attrs', 'linux/if_link.h', 'IFLA_VF_UNSPEC', 'IFLA_VF_', {
        'mac': 'binary', 'vlan': 'binary', 'tx-rate': 'binary', 'spoofchk': 'binary', 'link-state': 'binary',
        'rate': 'binary', 'rss-query-en': 'binary', 'stats': 'binary', 'trust': 'binary',
        'ib-node-guid': 'binary', 'ib-port-guid': 'binary', 'vlan-list': 'binary', 'broadcast': 'binary'})
    s.attrs('vf-ports-attrs', 'linux/if_link.h', 'IFLA_PORT_UNSPEC', 'IFLA_PORT_', {
        'vf': 'u32', 'profile': 'string', 'vsi-type': 'binary', 'instance-uuid': 'binary',
        'host-uuid': 'binary', 'request': 'u8', 'response': 'u16'})
    s.attrs('port-self-attrs', 'linux/if_link.h', 'IFLA_PORT_UNSPEC', 'IFLA_PORT_', {
        'vf': 'u32', 'profile': 'string', 'vsi-type': 'binary', 'instance-uuid': 'binary',
        'host-uuid': 'binary', 'request': 'u8', 'response': 'u16'})

    s.attrs('protinfo-attrs', 'linux/if_link.h', 'IFLA_BRPORT_UNSPEC', 'IFLA_BRPORT_', BRPORT_TYPES)
    s.attrs('linkinfo-attrs', 'linux/if_link.h', 'IFLA_INFO_UNSPEC', 'IFLA_INFO_', {
        'kind': 'string', 'data': 'sub-message linkinfo-data-msg sel=kind', 'xstats': 'binary',
        'slave-kind': 'string', 'slave-data': 'sub-message linkinfo-member-data-msg sel=slave-kind'})
    s.attrs('linkinfo-veth-attrs', 'linux/veth.h', 'VETH_INFO_UNSPEC', 'VETH_INFO_', {
        # VETH_INFO_PEER holds an ifinfomsg and link attributes: a sub-message selected by the
        # enclosing IFLA_INFO_KIND ("veth"), which is how a YNL spec can give a nest a fixed header.
        'peer': 'sub-message veth-peer-msg sel=kind'})
    s.attrs('linkinfo-vlan-attrs', 'linux/if_link.h', 'IFLA_VLAN_UNSPEC', 'IFLA_VLAN_', {
        'id': 'u16', 'flags': 'binary struct=ifla-vlan-flags', 'egress-qos': 'nest ifla-vlan-qos',
        'ingress-qos': 'nest ifla-vlan-qos', 'protocol': 'u16 be'})
    s.attrs('ifla-vlan-qos', 'linux/if_link.h', 'IFLA_VLAN_QOS_UNSPEC', 'IFLA_VLAN_QOS_', {
        'mapping': 'binary struct=ifla-vlan-qos-mapping multi'})
    s.attrs('linkinfo-vxlan-attrs', 'linux/if_link.h', 'IFLA_VXLAN_UNSPEC', 'IFLA_VXLAN_', {
        'id': 'u32', 'group': 'binary hint=ipv4', 'link': 'u32', 'local': 'binary hint=ipv4', 'ttl': 'u8',
        'tos': 'u8', 'learning': 'u8', 'ageing': 'u32', 'limit': 'u32',
        'port-range': 'binary struct=ifla-vxlan-port-range', 'proxy': 'u8', 'rsc': 'u8', 'l2miss': 'u8',
        'l3miss': 'u8', 'port': 'u16 be', 'group6': 'binary hint=ipv6', 'local6': 'binary hint=ipv6',
        'udp-csum': 'u8', 'udp-zero-csum6-tx': 'u8', 'udp-zero-csum6-rx': 'u8', 'remcsum-tx': 'u8',
        'remcsum-rx': 'u8', 'gbp': 'flag', 'remcsum-nopartial': 'flag', 'collect-metadata': 'u8',
        'label': 'u32 be', 'gpe': 'flag', 'ttl-inherit': 'flag', 'df': 'u8 enum=vxlan-df', 'vnifilter': 'u8',
        'localbypass': 'u8', 'label-policy': 'u32', 'reserved-bits': 'binary', 'mc-route': 'u8'})
    s.attrs('linkinfo-bridge-attrs', 'linux/if_link.h', 'IFLA_BR_UNSPEC', 'IFLA_BR_', {
        'forward-delay': 'u32', 'hello-time': 'u32', 'max-age': 'u32', 'ageing-time': 'u32',
        'stp-state': 'u32', 'priority': 'u16', 'vlan-filtering': 'u8', 'vlan-protocol': 'u16 be',
        'group-fwd-mask': 'u16', 'root-id': 'binary struct=ifla-bridge-id',
        'bridge-id': 'binary struct=ifla-bridge-id', 'root-port': 'u16', 'root-path-cost': 'u32',
        'topology-change': 'u8', 'topology-change-detected': 'u8', 'hello-timer': 'u64', 'tcn-timer': 'u64',
        'topology-change-timer': 'u64', 'gc-timer': 'u64', 'group-addr': 'binary hint=mac', 'fdb-flush': 'flag',
        'mcast-router': 'u8', 'mcast-snooping': 'u8', 'mcast-query-use-ifaddr': 'u8', 'mcast-querier': 'u8',
        'mcast-hash-elasticity': 'u32', 'mcast-hash-max': 'u32', 'mcast-last-member-cnt': 'u32',
        'mcast-startup-query-cnt': 'u32', 'mcast-last-member-intvl': 'u64', 'mcast-membership-intvl': 'u64',
        'mcast-querier-intvl': 'u64', 'mcast-query-intvl': 'u64', 'mcast-query-response-intvl': 'u64',
        'mcast-startup-query-intvl': 'u64', 'nf-call-iptables': 'u8', 'nf-call-ip6tables': 'u8',
        'nf-call-arptables': 'u8', 'vlan-default-pvid': 'u16', 'pad': 'pad', 'vlan-stats-enabled': 'u8',
        'mcast-stats-enabled': 'u8', 'mcast-igmp-version': 'u8', 'mcast-mld-version': 'u8',
        'vlan-stats-per-port': 'u8', 'multi-boolopt': 'binary', 'mcast-querier-state': 'binary',
        'fdb-n-learned': 'u32', 'fdb-max-learned': 'u32'})
    s.attrs('linkinfo-bond-attrs', 'linux/if_link.h', 'IFLA_BOND_UNSPEC', 'IFLA_BOND_', {
        'mode': 'u8', 'active-slave': 'u32', 'miimon': 'u32', 'updelay': 'u32', 'downdelay': 'u32',
        'use-carrier': 'u8', 'arp-interval': 'u32', 'arp-ip-target': 'nest bond-ip-targets',
        'arp-validate': 'u32', 'arp-all-targets': 'u32', 'primary': 'u32', 'primary-reselect': 'u8',
        'fail-over-mac': 'u8', 'xmit-hash-policy': 'u8', 'resend-igmp': 'u32', 'num-peer-notif': 'u8',
        'all-slaves-active': 'u8', 'min-links': 'u32', 'lp-interval': 'u32', 'packets-per-slave': 'u32',
        'ad-lacp-rate': 'u8', 'ad-select': 'u8', 'ad-info': 'nest bond-ad-info-attrs',
        'ad-actor-sys-prio': 'u16', 'ad-user-port-key': 'u16', 'ad-actor-system': 'binary hint=mac',
        'tlb-dynamic-lb': 'u8', 'peer-notif-delay': 'u32', 'ad-lacp-active': 'u8', 'missed-max': 'u8',
        'ns-ip6-target': 'nest bond-ip6-targets', 'coupled-control': 'u8', 'broadcast-neighbor': 'u8'})
    s.attrs_from('bond-ip-targets', [('BOND_TARGET_%d' % i, i) for i in range(16)], 'BOND_TARGET_',
                 dict([('@zero', True)] + [(str(i), 'binary hint=ipv4') for i in range(16)]))
    s.attrs_from('bond-ip6-targets', [('BOND_TARGET_%d' % i, i) for i in range(16)], 'BOND_TARGET_',
                 dict([('@zero', True)] + [(str(i), 'binary hint=ipv6') for i in range(16)]))
    s.attrs('bond-ad-info-attrs', 'linux/if_link.h', 'IFLA_BOND_AD_INFO_UNSPEC', 'IFLA_BOND_AD_INFO_', {
        'aggregator': 'u16', 'num-ports': 'u16', 'actor-key': 'u16', 'partner-key': 'u16',
        'partner-mac': 'binary hint=mac'})
    s.attrs('linkinfo-bond-slave-attrs', 'linux/if_link.h', 'IFLA_BOND_SLAVE_UNSPEC', 'IFLA_BOND_SLAVE_', {
        'state': 'u8', 'mii-status': 'u8', 'link-failure-count': 'u32', 'perm-hwaddr': 'binary hint=mac',
        'queue-id': 'u16', 'ad-aggregator-id': 'u16', 'ad-actor-oper-port-state': 'u8',
        'ad-partner-oper-port-state': 'u16', 'prio': 's32', 'actor-port-prio': 'u16',
        'ad-churn-actor-state': 'u8', 'ad-churn-partner-state': 'u8'})
    s.attrs('linkinfo-brport-attrs', 'linux/if_link.h', 'IFLA_BRPORT_UNSPEC', 'IFLA_BRPORT_', BRPORT_TYPES)
    s.attrs('linkinfo-macvlan-attrs', 'linux/if_link.h', 'IFLA_MACVLAN_UNSPEC', 'IFLA_MACVLAN_', {
        'mode': 'u32 enum=macvlan-mode', 'flags': 'u16', 'macaddr-mode': 'u32 enum=macvlan-macaddr-mode',
        'macaddr': 'binary hint=mac', 'macaddr-data': 'nest macvlan-macaddr-attrs', 'macaddr-count': 'u32',
        'bc-queue-len': 'u32', 'bc-queue-len-used': 'u32', 'bc-cutoff': 's32'})
    s.attrs_from('macvlan-macaddr-attrs', [('IFLA_MACVLAN_MACADDR', 4)], 'IFLA_MACVLAN_', {
        'macaddr': 'binary hint=mac multi'})
    gre_types = {
        'link': 'u32', 'iflags': 'u16 be', 'oflags': 'u16 be', 'ikey': 'u32 be', 'okey': 'u32 be',
        'local': 'binary hint=ipv4', 'remote': 'binary hint=ipv4', 'ttl': 'u8', 'tos': 'u8', 'pmtudisc': 'u8',
        'encap-limit': 'u8', 'flowinfo': 'u32 be', 'flags': 'u32', 'encap-type': 'u16', 'encap-flags': 'u16',
        'encap-sport': 'u16 be', 'encap-dport': 'u16 be', 'collect-metadata': 'flag', 'ignore-df': 'u8',
        'fwmark': 'u32', 'erspan-index': 'u32', 'erspan-ver': 'u8', 'erspan-dir': 'u8', 'erspan-hwid': 'u16'}
    s.attrs('linkinfo-gre-attrs', 'linux/if_tunnel.h', 'IFLA_GRE_UNSPEC', 'IFLA_GRE_', gre_types)
    gre6 = dict(gre_types, local='binary hint=ipv6', remote='binary hint=ipv6')
    s.attrs('linkinfo-gre6-attrs', 'linux/if_tunnel.h', 'IFLA_GRE_UNSPEC', 'IFLA_GRE_', gre6)
    iptun = {
        'link': 'u32', 'local': 'binary hint=ipv4', 'remote': 'binary hint=ipv4', 'ttl': 'u8', 'tos': 'u8',
        'encap-limit': 'u8', 'flowinfo': 'u32 be', 'flags': 'u16 be', 'proto': 'u8', 'pmtudisc': 'u8',
        '6rd-prefix': 'binary hint=ipv6', '6rd-relay-prefix': 'binary hint=ipv4', '6rd-prefixlen': 'u16',
        '6rd-relay-prefixlen': 'u16', 'encap-type': 'u16', 'encap-flags': 'u16', 'encap-sport': 'u16 be',
        'encap-dport': 'u16 be', 'collect-metadata': 'flag', 'fwmark': 'u32'}
    s.attrs('linkinfo-iptun-attrs', 'linux/if_tunnel.h', 'IFLA_IPTUN_UNSPEC', 'IFLA_IPTUN_', iptun)
    s.attrs('linkinfo-ip6tnl-attrs', 'linux/if_tunnel.h', 'IFLA_IPTUN_UNSPEC', 'IFLA_IPTUN_',
            dict(iptun, local='binary hint=ipv6', remote='binary hint=ipv6', flags='u32'))
    s.attrs('linkinfo-vti-attrs', 'linux/if_tunnel.h', 'IFLA_VTI_UNSPEC', 'IFLA_VTI_', {
        'link': 'u32', 'ikey': 'u32 be', 'okey': 'u32 be', 'local': 'binary hint=ipv4',
        'remote': 'binary hint=ipv4', 'fwmark': 'u32'})
    s.attrs('linkinfo-vrf-attrs', 'linux/if_link.h', 'IFLA_VRF_UNSPEC', 'IFLA_VRF_', {'table': 'u32'})
    s.attrs('linkinfo-ipvlan-attrs', 'linux/if_link.h', 'IFLA_IPVLAN_UNSPEC', 'IFLA_IPVLAN_', {
        'mode': 'u16', 'flags': 'u16'})
    s.attrs('linkinfo-geneve-attrs', 'linux/if_link.h', 'IFLA_GENEVE_UNSPEC', 'IFLA_GENEVE_', {
        'id': 'u32', 'remote': 'binary hint=ipv4', 'ttl': 'u8', 'tos': 'u8', 'port': 'u16 be',
        'collect-metadata': 'flag', 'remote6': 'binary hint=ipv6', 'udp-csum': 'u8',
        'udp-zero-csum6-tx': 'u8', 'udp-zero-csum6-rx': 'u8', 'label': 'u32 be', 'ttl-inherit': 'u8',
        'df': 'u8', 'inner-proto-inherit': 'flag', 'port-range': 'binary'})
    s.attrs('linkinfo-tun-attrs', 'linux/if_link.h', 'IFLA_TUN_UNSPEC', 'IFLA_TUN_', {
        'owner': 'u32', 'group': 'u32', 'type': 'u8', 'pi': 'u8', 'vnet-hdr': 'u8', 'persist': 'u8',
        'multi-queue': 'u8', 'num-queues': 'u32', 'num-disabled-queues': 'u32'})
    s.attrs('linkinfo-xfrm-attrs', 'linux/if_link.h', 'IFLA_XFRM_UNSPEC', 'IFLA_XFRM_', {
        'link': 'u32', 'if-id': 'u32', 'collect-metadata': 'flag'})
    s.submsg('linkinfo-data-msg', [
        ('bond', 'linkinfo-bond-attrs', None), ('bridge', 'linkinfo-bridge-attrs', None),
        ('erspan', 'linkinfo-gre-attrs', None), ('gre', 'linkinfo-gre-attrs', None),
        ('gretap', 'linkinfo-gre-attrs', None), ('ip6erspan', 'linkinfo-gre6-attrs', None),
        ('ip6gre', 'linkinfo-gre6-attrs', None), ('ip6gretap', 'linkinfo-gre6-attrs', None),
        ('geneve', 'linkinfo-geneve-attrs', None), ('ipip', 'linkinfo-iptun-attrs', None),
        ('sit', 'linkinfo-iptun-attrs', None), ('ip6tnl', 'linkinfo-ip6tnl-attrs', None),
        ('vti', 'linkinfo-vti-attrs', None), ('ip6vti', 'linkinfo-vti-attrs', None),
        ('ipvlan', 'linkinfo-ipvlan-attrs', None), ('ipvtap', 'linkinfo-ipvlan-attrs', None),
        ('macvlan', 'linkinfo-macvlan-attrs', None), ('macvtap', 'linkinfo-macvlan-attrs', None),
        ('tun', 'linkinfo-tun-attrs', None), ('veth', 'linkinfo-veth-attrs', None),
        ('vlan', 'linkinfo-vlan-attrs', None), ('vrf', 'linkinfo-vrf-attrs', None),
        ('vxlan', 'linkinfo-vxlan-attrs', None), ('xfrm', 'linkinfo-xfrm-attrs', None)])
    s.submsg('linkinfo-member-data-msg', [
        ('bridge', 'linkinfo-brport-attrs', None), ('bond', 'linkinfo-bond-slave-attrs', None)])
    s.submsg('veth-peer-msg', [('veth', 'link-attrs', 'ifinfomsg')])

    rtm_ops(s, ['newlink', 'dellink', 'getlink', 'setlink', 'newlinkprop', 'dellinkprop', 'getlinkprop'],
            'link-attrs', 'ifinfomsg')
    # RTM_GETSTATS / RTM_NEWSTATS carry if_stats_msg and IFLA_STATS_*
    s.struct('linux/if_link.h', 'if_stats_msg')
    s.attrs('stats-attrs', 'linux/if_link.h', 'IFLA_STATS_UNSPEC', 'IFLA_STATS_', {
        'link-64': 'binary struct=rtnl-link-stats64', 'link-xstats': 'binary', 'link-xstats-slave': 'binary',
        'link-offload-xstats': 'binary', 'af-spec': 'binary'})
    values = dict(enum_members('linux/rtnetlink.h', 'RTM_NEWLINK'))
    for n in ('newstats', 'getstats', 'setstats'):
        if 'RTM_' + n.upper() in values:
            s.op(n, values['RTM_' + n.upper()], 'stats-attrs', 'if-stats-msg')
    return s


def _has_enum(path, name):
    try:
        enum_members(path, name)
        return True
    except KeyError:
        return False


BRPORT_TYPES = {
    'state': 'u8', 'priority': 'u16', 'cost': 'u32', 'mode': 'u8', 'guard': 'u8', 'protect': 'u8',
    'fast-leave': 'u8', 'learning': 'u8', 'unicast-flood': 'u8', 'proxyarp': 'u8', 'learning-sync': 'u8',
    'proxyarp-wifi': 'u8', 'root-id': 'binary struct=ifla-bridge-id', 'bridge-id': 'binary struct=ifla-bridge-id',
    'designated-port': 'u16', 'designated-cost': 'u16', 'id': 'u16', 'no': 'u16', 'topology-change-ack': 'u8',
    'config-pending': 'u8', 'message-age-timer': 'u64', 'forward-delay-timer': 'u64', 'hold-timer': 'u64',
    'flush': 'flag', 'multicast-router': 'u8', 'pad': 'pad', 'mcast-flood': 'u8', 'mcast-to-ucast': 'u8',
    'vlan-tunnel': 'u8', 'bcast-flood': 'u8', 'group-fwd-mask': 'u16', 'neigh-suppress': 'u8',
    'isolated': 'u8', 'backup-port': 'u32', 'mrp-ring-open': 'u8', 'mrp-in-open': 'u8',
    'mcast-eht-hosts-limit': 'u32', 'mcast-eht-hosts-cnt': 'u32', 'locked': 'u8', 'mab': 'u8',
    'mcast-n-groups': 'u32', 'mcast-max-groups': 'u32', 'neigh-vlan-suppress': 'u8', 'backup-nhid': 'u32'}


def manual_struct(spec, yname, members):
    """A struct the header declares shorter than the kernel reads it (a 1-byte fixed header is
    followed by attributes at NLMSG_ALIGN(1) = 4): the alignment is spelled out."""
    if yname not in spec.def_names:
        spec.definitions.append({'name': yname, 'type': 'struct', 'members': members})
        spec.def_names.add(yname)
    return yname


def set_member(spec, struct, member, **kw):
    for d in spec.definitions:
        if d['name'] == struct:
            for m in d['members']:
                if m['name'] == member:
                    m.update(kw)
                    return
    raise KeyError('%s.%s' % (struct, member))


@family
def rt_addr():
    s = Spec('rt-addr', 'netlink-raw', 0, 'linux/rtnetlink.h', 'Addresses over rtnetlink, from linux/if_addr.h.')
    rt_common(s)
    s.enum_defines('ifa-flags', 'linux/if_addr.h', r'IFA_F_\w+', 'IFA_F_', flags=True)
    s.struct('linux/if_addr.h', 'ifaddrmsg')
    set_member(s, 'ifaddrmsg', 'ifa-family', enum='address-families')
    set_member(s, 'ifaddrmsg', 'ifa-flags', enum='ifa-flags', **{'enum-as-flags': True})
    set_member(s, 'ifaddrmsg', 'ifa-scope', enum='rt-scope')
    s.struct('linux/if_addr.h', 'ifa_cacheinfo')
    s.attrs('addr-attrs', 'linux/if_addr.h', 'IFA_UNSPEC', 'IFA_', {
        'address': 'binary hint=ipv4-or-v6', 'local': 'binary hint=ipv4-or-v6', 'label': 'string',
        'broadcast': 'binary hint=ipv4', 'anycast': 'binary hint=ipv6', 'cacheinfo': 'binary struct=ifa-cacheinfo',
        'multicast': 'binary hint=ipv6', 'flags': 'u32 enum=ifa-flags flags', 'rt-priority': 'u32',
        'target-netnsid': 'binary', 'proto': 'u8'})
    rtm_ops(s, ['newaddr', 'deladdr', 'getaddr', 'newmulticast', 'getmulticast', 'newanycast', 'getanycast'],
            'addr-attrs', 'ifaddrmsg')
    return s


@family
def rt_route():
    s = Spec('rt-route', 'netlink-raw', 0, 'linux/rtnetlink.h', 'Routes over rtnetlink (struct rtmsg, RTA_*).')
    rt_common(s)
    s.enum_defines('rtm-flags', 'linux/rtnetlink.h', r'RTM_F_\w+', 'RTM_F_', flags=True)
    s.enum_defines('rtnh-flags', 'linux/rtnetlink.h', r'RTNH_F_\w+', 'RTNH_F_', flags=True)
    s.enum('lwtunnel-encap-types', 'linux/lwtunnel.h', 'LWTUNNEL_ENCAP_NONE', 'LWTUNNEL_ENCAP_')
    s.enum('rtax-features', 'linux/rtnetlink.h', 'RTAX_FEATURE_ECN', 'RTAX_FEATURE_', flags=True) \
        if _has_enum('linux/rtnetlink.h', 'RTAX_FEATURE_ECN') else \
        s.enum_defines('rtax-features', 'linux/rtnetlink.h', r'RTAX_FEATURE_\w+', 'RTAX_FEATURE_', flags=True)
    s.struct('linux/rtnetlink.h', 'rtmsg')
    set_member(s, 'rtmsg', 'rtm-family', enum='address-families')
    set_member(s, 'rtmsg', 'rtm-table', enum='rt-table')
    set_member(s, 'rtmsg', 'rtm-protocol', enum='rt-protocol')
    set_member(s, 'rtmsg', 'rtm-scope', enum='rt-scope')
    set_member(s, 'rtmsg', 'rtm-type', enum='rtm-type')
    set_member(s, 'rtmsg', 'rtm-flags', enum='rtm-flags', **{'enum-as-flags': True})
    s.struct('linux/rtnetlink.h', 'rta_cacheinfo')
    s.struct('linux/rtnetlink.h', 'rtnexthop')
    s.struct('linux/rtnetlink.h', 'rta_mfc_stats')
    s.attrs('route-attrs', 'linux/rtnetlink.h', 'RTA_UNSPEC', 'RTA_', {
        'dst': 'binary hint=ipv4-or-v6', 'src': 'binary hint=ipv4-or-v6', 'iif': 'u32', 'oif': 'u32',
        'gateway': 'binary hint=ipv4-or-v6', 'priority': 'u32', 'prefsrc': 'binary hint=ipv4-or-v6',
        'metrics': 'nest metrics', 'multipath': 'binary', 'protoinfo': 'binary', 'flow': 'u32',
        'cacheinfo': 'binary struct=rta-cacheinfo', 'session': 'binary', 'mp-algo': 'binary',
        'table': 'u32 enum=rt-table', 'mark': 'u32', 'mfc-stats': 'binary struct=rta-mfc-stats', 'via': 'binary',
        'newdst': 'binary', 'pref': 'u8', 'encap-type': 'u16 enum=lwtunnel-encap-types',
        'encap': 'sub-message route-encap-msg sel=encap-type', 'expires': 'u64', 'pad': 'pad', 'uid': 'u32',
        'ttl-propagate': 'u8', 'ip-proto': 'u8', 'sport': 'u16 be', 'dport': 'u16 be', 'nh-id': 'u32',
        'flowlabel': 'u32 be'})
    s.attrs('metrics', 'linux/rtnetlink.h', 'RTAX_UNSPEC', 'RTAX_', {
        'lock': 'u32', 'mtu': 'u32', 'window': 'u32', 'rtt': 'u32', 'rttvar': 'u32', 'ssthresh': 'u32',
        'cwnd': 'u32', 'advmss': 'u32', 'reordering': 'u32', 'hoplimit': 'u32', 'initcwnd': 'u32',
        'features': 'u32 enum=rtax-features flags', 'rto-min': 'u32', 'initrwnd': 'u32', 'quickack': 'u32',
        'cc-algo': 'string', 'fastopen-no-cookie': 'u32'})
    s.attrs('encap-mpls-attrs', 'linux/mpls_iptunnel.h', 'MPLS_IPTUNNEL_UNSPEC', 'MPLS_IPTUNNEL_', {
        'dst': 'binary', 'ttl': 'u8'})
    ip_tun = {'id': 'u64 be', 'dst': 'binary hint=ipv4', 'src': 'binary hint=ipv4', 'ttl': 'u8', 'tos': 'u8',
              'flags': 'u16', 'pad': 'pad', 'opts': 'binary'}
    s.attrs('encap-ip-attrs', 'linux/lwtunnel.h', 'LWTUNNEL_IP_UNSPEC', 'LWTUNNEL_IP_', ip_tun)
    s.attrs('encap-ip6-attrs', 'linux/lwtunnel.h', 'LWTUNNEL_IP6_UNSPEC', 'LWTUNNEL_IP6_', {
        'id': 'u64 be', 'dst': 'binary hint=ipv6', 'src': 'binary hint=ipv6', 'hoplimit': 'u8', 'tc': 'u8',
        'flags': 'u16', 'pad': 'pad', 'opts': 'binary'})
    s.submsg('route-encap-msg', [('mpls', 'encap-mpls-attrs', None), ('ip', 'encap-ip-attrs', None),
                                 ('ip6', 'encap-ip6-attrs', None)])
    rtm_ops(s, ['newroute', 'delroute', 'getroute'], 'route-attrs', 'rtmsg')
    return s


@family
def rt_neigh():
    s = Spec('rt-neigh', 'netlink-raw', 0, 'linux/rtnetlink.h', 'Neighbours over rtnetlink (struct ndmsg, NDA_*).')
    rt_common(s)
    # ndm_state is a bit set: bridge fdb entries are NUD_REACHABLE|NUD_PERMANENT (0 is NUD_NONE)
    s.enum_defines('nud-state', 'linux/neighbour.h', r'NUD_(?!NONE)\w+', 'NUD_', flags=True)
    s.enum_list('ntf-flags', 'NTF_', [(n, v) for n, v in defines('linux/neighbour.h', r'NTF_\w+')
                                      if n not in ('NTF_EXT_MANAGED', 'NTF_EXT_LOCKED')], flags=True)
    s.struct('linux/neighbour.h', 'ndmsg')
    set_member(s, 'ndmsg', 'ndm-family', enum='address-families')
    set_member(s, 'ndmsg', 'ndm-state', enum='nud-state', **{'enum-as-flags': True})
    set_member(s, 'ndmsg', 'ndm-flags', enum='ntf-flags', **{'enum-as-flags': True})
    set_member(s, 'ndmsg', 'ndm-type', enum='rtm-type')
    s.struct('linux/neighbour.h', 'nda_cacheinfo')
    s.attrs('neighbour-attrs', 'linux/neighbour.h', 'NDA_UNSPEC', 'NDA_', {
        'dst': 'binary hint=ipv4-or-v6', 'lladdr': 'binary hint=mac', 'cacheinfo': 'binary struct=nda-cacheinfo',
        'probes': 'u32', 'vlan': 'u16', 'port': 'u16 be', 'vni': 'u32', 'ifindex': 'u32', 'master': 'u32',
        'link-netnsid': 's32', 'src-vni': 'u32', 'protocol': 'u8', 'nh-id': 'u32', 'fdb-ext-attrs': 'binary',
        'flags-ext': 'u32', 'ndm-state-mask': 'u16', 'ndm-flags-mask': 'u8'})
    rtm_ops(s, ['newneigh', 'delneigh', 'getneigh'], 'neighbour-attrs', 'ndmsg')
    return s


@family
def rt_rule():
    s = Spec('rt-rule', 'netlink-raw', 0, 'linux/fib_rules.h', 'FIB rules over rtnetlink (struct fib_rule_hdr, FRA_*).')
    rt_common(s)
    s.enum('fr-act', 'linux/fib_rules.h', 'FR_ACT_UNSPEC', 'FR_ACT_')
    s.struct('linux/fib_rules.h', 'fib_rule_hdr')
    set_member(s, 'fib-rule-hdr', 'family', enum='address-families')
    set_member(s, 'fib-rule-hdr', 'table', enum='rt-table')
    set_member(s, 'fib-rule-hdr', 'action', enum='fr-act')
    s.struct('linux/fib_rules.h', 'fib_rule_uid_range')
    s.struct('linux/fib_rules.h', 'fib_rule_port_range')
    s.attrs('fib-rule-attrs', 'linux/fib_rules.h', 'FRA_UNSPEC', 'FRA_', {
        'dst': 'binary hint=ipv4-or-v6', 'src': 'binary hint=ipv4-or-v6', 'iifname': 'string', 'goto': 'u32',
        'unused2': 'pad', 'priority': 'u32', 'unused3': 'pad', 'unused4': 'pad', 'unused5': 'pad',
        'fwmark': 'u32', 'flow': 'u32', 'tun-id': 'u64 be', 'suppress-ifgroup': 'u32',
        'suppress-prefixlen': 'u32', 'table': 'u32 enum=rt-table', 'fwmask': 'u32', 'oifname': 'string',
        'pad': 'pad', 'l3mdev': 'u8', 'uid-range': 'binary struct=fib-rule-uid-range',
        'protocol': 'u8 enum=rt-protocol', 'ip-proto': 'u8', 'sport-range': 'binary struct=fib-rule-port-range',
        'dport-range': 'binary struct=fib-rule-port-range', 'dscp': 'u8', 'flowlabel': 'u32 be',
        'flowlabel-mask': 'u32 be', 'sport-mask': 'u16', 'dport-mask': 'u16', 'dscp-mask': 'u8'})
    rtm_ops(s, ['newrule', 'delrule', 'getrule'], 'fib-rule-attrs', 'fib-rule-hdr')
    return s


@family
def rt_nexthop():
    s = Spec('rt-nexthop', 'netlink-raw', 0, 'linux/nexthop.h', 'Nexthop objects over rtnetlink (struct nhmsg, NHA_*).')
    rt_common(s)
    s.enum_defines('rtnh-flags', 'linux/rtnetlink.h', r'RTNH_F_\w+', 'RTNH_F_', flags=True)
    s.enum('nexthop-grp-type', 'linux/nexthop.h', 'NEXTHOP_GRP_TYPE_MPATH', 'NEXTHOP_GRP_TYPE_')
    s.struct('linux/nexthop.h', 'nhmsg')
    set_member(s, 'nhmsg', 'nh-family', enum='address-families')
    set_member(s, 'nhmsg', 'nh-scope', enum='rt-scope')
    set_member(s, 'nhmsg', 'nh-protocol', enum='rt-protocol')
    set_member(s, 'nhmsg', 'nh-flags', enum='rtnh-flags', **{'enum-as-flags': True})
    s.struct('linux/nexthop.h', 'nexthop_grp')
    s.attrs('nexthop-attrs', 'linux/nexthop.h', 'NHA_UNSPEC', 'NHA_', {
        'id': 'u32', 'group': 'binary struct=nexthop-grp', 'group-type': 'u16 enum=nexthop-grp-type',
        'blackhole': 'flag', 'oif': 'u32', 'gateway': 'binary hint=ipv4-or-v6', 'encap-type': 'u16',
        'encap': 'binary', 'groups': 'flag', 'master': 'u32', 'fdb': 'flag', 'res-group': 'binary',
        'res-bucket': 'binary', 'op-flags': 'u32', 'group-stats': 'binary', 'hw-stats-enable': 'u32',
        'hw-stats-used': 'u32'})
    rtm_ops(s, ['newnexthop', 'delnexthop', 'getnexthop'], 'nexthop-attrs', 'nhmsg')
    return s


@family
def rt_netconf():
    s = Spec('rt-netconf', 'netlink-raw', 0, 'linux/netconf.h', 'Per-device IP configuration notifications (NETCONFA_*).')
    address_families(s)
    manual_struct(s, 'netconfmsg', [{'name': 'ncm-family', 'type': 'u8', 'enum': 'address-families'},
                                    {'name': 'pad', 'type': 'pad', 'len': 3}])
    s.attrs('netconf-attrs', 'linux/netconf.h', 'NETCONFA_UNSPEC', 'NETCONFA_', {
        'ifindex': 's32', 'forwarding': 's32', 'rp-filter': 's32', 'mc-forwarding': 's32',
        'proxy-neigh': 's32', 'ignore-routes-with-linkdown': 's32', 'input': 's32', 'bc-forwarding': 's32'})
    rtm_ops(s, ['newnetconf', 'delnetconf', 'getnetconf'], 'netconf-attrs', 'netconfmsg')
    return s


@family
def rt_nsid():
    s = Spec('rt-nsid', 'netlink-raw', 0, 'linux/net_namespace.h', 'Network namespace ids (RTM_NEWNSID, NETNSA_*).')
    address_families(s)
    manual_struct(s, 'rtgenmsg', [{'name': 'rtgen-family', 'type': 'u8', 'enum': 'address-families'},
                                  {'name': 'pad', 'type': 'pad', 'len': 3}])
    s.attrs('nsid-attrs', 'linux/net_namespace.h', 'NETNSA_NONE', 'NETNSA_', {
        'nsid': 's32', 'pid': 'u32', 'fd': 'u32', 'target-nsid': 's32', 'current-nsid': 's32'})
    rtm_ops(s, ['newnsid', 'delnsid', 'getnsid'], 'nsid-attrs', 'rtgenmsg')
    return s


@family
def tc():
    s = Spec('tc', 'netlink-raw', 0, 'linux/pkt_sched.h',
             'Traffic control over rtnetlink: qdiscs, classes, filters, chains (struct tcmsg, TCA_*); '
             'TCA_OPTIONS by TCA_KIND.')
    address_families(s)
    s.struct('linux/rtnetlink.h', 'tcmsg')
    set_member(s, 'tcmsg', 'tcm-family', enum='address-families')
    for st in ('tc_stats', 'tc_estimator'):
        s.struct('linux/pkt_sched.h', st)
    for st in ('gnet_stats_basic', 'gnet_stats_rate_est', 'gnet_stats_rate_est64', 'gnet_stats_queue'):
        s.struct('linux/gen_stats.h', st)
    for st in ('tc_htb_opt', 'tc_htb_glob', 'tc_fifo_qopt', 'tc_netem_qopt', 'tc_netem_corr',
               'tc_netem_reorder', 'tc_netem_corrupt', 'tc_netem_rate', 'tc_netem_slot', 'tc_prio_qopt',
               'tc_tbf_qopt', 'tc_sizespec', 'tc_htb_xstats', 'tc_fq_codel_xstats' if False else 'tc_ratespec'):
        s.struct('linux/pkt_sched.h', st)
    s.struct('linux/pkt_cls.h', 'tc_u32_sel')
    s.struct('linux/pkt_cls.h', 'tc_u32_mark')
    s.attrs('tc-attrs', 'linux/rtnetlink.h', 'TCA_UNSPEC', 'TCA_', {
        'kind': 'string', 'options': 'sub-message tc-options-msg sel=kind', 'stats': 'binary struct=tc-stats',
        'xstats': 'binary', 'rate': 'binary struct=tc-estimator', 'fcnt': 'u32', 'stats2': 'nest tca-stats-attrs',
        'stab': 'nest tca-stab-attrs', 'pad': 'pad', 'dump-invisible': 'flag', 'chain': 'u32',
        'hw-offload': 'u8', 'ingress-block': 'u32', 'egress-block': 'u32', 'dump-flags': 'bitfield32',
        'ext-warn-msg': 'string'})
    s.attrs('tca-stats-attrs', 'linux/gen_stats.h', 'TCA_STATS_UNSPEC', 'TCA_STATS_', {
        'basic': 'binary struct=gnet-stats-basic', 'rate-est': 'binary struct=gnet-stats-rate-est',
        'queue': 'binary struct=gnet-stats-queue', 'app': 'binary',
        'rate-est64': 'binary struct=gnet-stats-rate-est64', 'pad': 'pad',
        'basic-hw': 'binary struct=gnet-stats-basic', 'pkt64': 'u64'})
    s.attrs('tca-stab-attrs', 'linux/pkt_sched.h', 'TCA_STAB_UNSPEC', 'TCA_STAB_', {
        'base': 'binary struct=tc-sizespec', 'data': 'binary'})
    s.attrs('htb-attrs', 'linux/pkt_sched.h', 'TCA_HTB_UNSPEC', 'TCA_HTB_', {
        'parms': 'binary struct=tc-htb-opt', 'init': 'binary struct=tc-htb-glob', 'ctab': 'binary',
        'rtab': 'binary', 'direct-qlen': 'u32', 'rate64': 'u64', 'ceil64': 'u64', 'pad': 'pad', 'offload': 'flag'})
    s.attrs('fq-codel-attrs', 'linux/pkt_sched.h', 'TCA_FQ_CODEL_UNSPEC', 'TCA_FQ_CODEL_', {
        'target': 'u32', 'limit': 'u32', 'interval': 'u32', 'ecn': 'u32', 'flows': 'u32', 'quantum': 'u32',
        'ce-threshold': 'u32', 'drop-batch-size': 'u32', 'memory-limit': 'u32', 'ce-threshold-selector': 'u8',
        'ce-threshold-mask': 'u8'})
    s.attrs('fq-attrs', 'linux/pkt_sched.h', 'TCA_FQ_UNSPEC', 'TCA_FQ_', {
        'plimit': 'u32', 'flow-plimit': 'u32', 'quantum': 'u32', 'initial-quantum': 'u32', 'rate-enable': 'u32',
        'flow-default-rate': 'u32', 'flow-max-rate': 'u32', 'buckets-log': 'u32', 'flow-refill-delay': 'u32',
        'orphan-mask': 'u32', 'low-rate-threshold': 'u32', 'ce-threshold': 'u32', 'timer-slack': 'u32',
        'horizon': 'u32', 'horizon-drop': 'u8', 'priomap': 'binary', 'weights': 'binary'})
    s.attrs('tbf-attrs', 'linux/pkt_sched.h', 'TCA_TBF_UNSPEC', 'TCA_TBF_', {
        'parms': 'binary struct=tc-tbf-qopt', 'rtab': 'binary', 'ptab': 'binary', 'rate64': 'u64',
        'prate64': 'u64', 'burst': 'u32', 'pburst': 'u32', 'pad': 'pad'})
    s.attrs('netem-attrs', 'linux/pkt_sched.h', 'TCA_NETEM_UNSPEC', 'TCA_NETEM_', {
        'corr': 'binary struct=tc-netem-corr', 'delay-dist': 'binary', 'reorder': 'binary struct=tc-netem-reorder',
        'corrupt': 'binary struct=tc-netem-corrupt', 'loss': 'binary', 'rate': 'binary struct=tc-netem-rate',
        'ecn': 'u32', 'rate64': 'u64', 'pad': 'pad', 'latency64': 's64', 'jitter64': 's64',
        'slot': 'binary struct=tc-netem-slot', 'slot-dist': 'binary', 'prng-seed': 'u64'})
    s.attrs('u32-attrs', 'linux/pkt_cls.h', 'TCA_U32_UNSPEC', 'TCA_U32_', {
        'classid': 'u32', 'hash': 'u32', 'link': 'u32', 'divisor': 'u32', 'sel': 'binary struct=tc-u32-sel',
        'police': 'binary', 'act': 'indexed-array act-attrs', 'indev': 'string', 'pcnt': 'binary',
        'mark': 'binary struct=tc-u32-mark', 'flags': 'u32', 'pad': 'pad'})
    s.attrs('act-attrs', 'linux/pkt_cls.h', 'TCA_ACT_UNSPEC', 'TCA_ACT_', {
        'kind': 'string', 'options': 'binary', 'index': 'u32', 'stats': 'nest tca-stats-attrs', 'pad': 'pad',
        'cookie': 'binary', 'flags': 'bitfield32', 'hw-stats': 'bitfield32', 'used-hw-stats': 'bitfield32',
        'in-hw-count': 'u32'})
    s.attrs('matchall-attrs', 'linux/pkt_cls.h', 'TCA_MATCHALL_UNSPEC', 'TCA_MATCHALL_', {
        'classid': 'u32', 'act': 'indexed-array act-attrs', 'flags': 'u32', 'pcnt': 'binary', 'pad': 'pad'})
    s.attrs('bpf-attrs', 'linux/pkt_cls.h', 'TCA_BPF_UNSPEC', 'TCA_BPF_', {
        'act': 'indexed-array act-attrs', 'police': 'binary', 'classid': 'u32', 'ops-len': 'u16',
        'ops': 'binary', 'fd': 'u32', 'name': 'string', 'flags': 'u32', 'flags-gen': 'u32', 'tag': 'binary',
        'id': 'u32'})
    flower = {
        'classid': 'u32', 'indev': 'string', 'act': 'indexed-array act-attrs', 'key-eth-dst': 'binary hint=mac',
        'key-eth-dst-mask': 'binary hint=mac', 'key-eth-src': 'binary hint=mac',
        'key-eth-src-mask': 'binary hint=mac', 'key-eth-type': 'u16 be', 'key-ip-proto': 'u8',
        'key-ipv4-src': 'u32 be hint=ipv4', 'key-ipv4-src-mask': 'u32 be hint=ipv4',
        'key-ipv4-dst': 'u32 be hint=ipv4', 'key-ipv4-dst-mask': 'u32 be hint=ipv4',
        'key-ipv6-src': 'binary hint=ipv6', 'key-ipv6-src-mask': 'binary hint=ipv6',
        'key-ipv6-dst': 'binary hint=ipv6', 'key-ipv6-dst-mask': 'binary hint=ipv6', 'key-tcp-src': 'u16 be',
        'key-tcp-dst': 'u16 be', 'key-udp-src': 'u16 be', 'key-udp-dst': 'u16 be', 'flags': 'u32',
        'key-vlan-id': 'u16 be', 'key-vlan-prio': 'u8', 'key-vlan-eth-type': 'u16 be',
        'key-tcp-src-mask': 'u16 be', 'key-tcp-dst-mask': 'u16 be', 'key-udp-src-mask': 'u16 be',
        'key-udp-dst-mask': 'u16 be', 'key-ip-tos': 'u8', 'key-ip-tos-mask': 'u8', 'key-ip-ttl': 'u8',
        'key-ip-ttl-mask': 'u8', 'in-hw-count': 'u32', 'key-icmpv4-code': 'u8', 'key-icmpv4-type': 'u8',
        'key-icmpv6-code': 'u8', 'key-icmpv6-type': 'u8', 'key-enc-key-id': 'u32 be',
        'key-enc-ipv4-src': 'u32 be hint=ipv4', 'key-enc-ipv4-dst': 'u32 be hint=ipv4',
        'key-enc-udp-src-port': 'u16 be', 'key-enc-udp-dst-port': 'u16 be', 'key-flags': 'u32 be',
        'key-flags-mask': 'u32 be', 'key-ct-state': 'u16', 'key-ct-state-mask': 'u16', 'key-ct-zone': 'u16',
        'key-ct-mark': 'u32', 'key-ct-mark-mask': 'u32', 'pad': 'pad'}
    s.attrs('flower-attrs', 'linux/pkt_cls.h', 'TCA_FLOWER_UNSPEC', 'TCA_FLOWER_', flower)
    s.submsg('tc-options-msg', [
        ('htb', 'htb-attrs', None), ('fq_codel', 'fq-codel-attrs', None), ('fq', 'fq-attrs', None),
        ('tbf', 'tbf-attrs', None), ('netem', 'netem-attrs', 'tc-netem-qopt'),
        ('pfifo', None, 'tc-fifo-qopt'), ('bfifo', None, 'tc-fifo-qopt'), ('pfifo_fast', None, 'tc-prio-qopt'),
        ('prio', None, 'tc-prio-qopt'), ('ingress', None, None), ('clsact', None, None),
        ('u32', 'u32-attrs', None), ('flower', 'flower-attrs', None), ('matchall', 'matchall-attrs', None),
        ('bpf', 'bpf-attrs', None)])
    rtm_ops(s, ['newqdisc', 'delqdisc', 'getqdisc', 'newtclass', 'deltclass', 'gettclass', 'newtfilter',
                'deltfilter', 'gettfilter', 'newchain', 'delchain', 'getchain'], 'tc-attrs', 'tcmsg')
    return s

def genl_ops(spec, path, first, prefix, aset, skip=(), fixed_header=None):
    """One operation per command of the header's command enum; generic netlink uses one id both ways."""
    spec.ops_prefix = prefix.lower().replace('_', '-')
    seen = set()
    members = enum_members(path, first)
    for n, v in members:
        if is_sentinel(n, v, members) or n.endswith('_UNSPEC') or v == 0 or n in skip or v in seen:
            continue
        if not n.startswith(prefix):
            continue
        seen.add(v)
        spec.op(n[len(prefix):].lower().replace('_', '-'), v, aset(n) if callable(aset) else aset, fixed_header)


# ---------------------------------------------------------------------------------------------
# NETLINK_GENERIC
# ---------------------------------------------------------------------------------------------

@family
def nlctrl():
    s = Spec('nlctrl', 'genetlink-legacy', None, 'linux/genetlink.h',
             'Generic netlink control: family ids, operations, multicast groups and attribute policies.')
    s.enum_defines('op-flags', 'linux/genetlink.h', r'GENL_(ADMIN_PERM|CMD_CAP_\w+|UNS_ADMIN_PERM)', 'GENL_', flags=True)
    s.enum('attr-type', 'linux/netlink.h', 'NL_ATTR_TYPE_INVALID', 'NL_ATTR_TYPE_')
    s.attrs('ctrl-attrs', 'linux/genetlink.h', 'CTRL_ATTR_UNSPEC', 'CTRL_ATTR_', {
        'family-id': 'u16', 'family-name': 'string', 'version': 'u32', 'hdrsize': 'u32', 'maxattr': 'u32',
        'ops': 'indexed-array op-attrs', 'mcast-groups': 'indexed-array mcast-group-attrs',
        'policy': 'nest-type-value policy-attrs', 'op-policy': 'nest-type-value op-policy-attrs', 'op': 'u32'})
    # type-value: the outer nest's type is the policy index, the next the attribute index
    for a in s.sets[-1]['attributes']:
        if a['name'] == 'policy':
            a['type-value'] = ['policy-id', 'attr-id']
        if a['name'] == 'op-policy':
            a['type-value'] = ['op-id']
    s.attrs('op-attrs', 'linux/genetlink.h', 'CTRL_ATTR_OP_UNSPEC', 'CTRL_ATTR_OP_', {
        'id': 'u32', 'flags': 'u32 enum=op-flags flags'})
    s.attrs('mcast-group-attrs', 'linux/genetlink.h', 'CTRL_ATTR_MCAST_GRP_UNSPEC', 'CTRL_ATTR_MCAST_GRP_', {
        'name': 'string', 'id': 'u32'})
    s.attrs('policy-attrs', 'linux/netlink.h', 'NL_POLICY_TYPE_ATTR_UNSPEC', 'NL_POLICY_TYPE_ATTR_', {
        'type': 'u32 enum=attr-type', 'min-value-s': 's64', 'max-value-s': 's64', 'min-value-u': 'u64',
        'max-value-u': 'u64', 'min-length': 'u32', 'max-length': 'u32', 'policy-idx': 'u32',
        'policy-maxtype': 'u32', 'bitfield32-mask': 'u32', 'pad': 'pad', 'mask': 'u64'})
    s.attrs('op-policy-attrs', 'linux/genetlink.h', 'CTRL_ATTR_POLICY_UNSPEC', 'CTRL_ATTR_POLICY_', {
        'do': 'u32', 'dump': 'u32'})
    genl_ops(s, 'linux/genetlink.h', 'CTRL_CMD_UNSPEC', 'CTRL_CMD_', 'ctrl-attrs')
    return s


NL80211_ATTRS = {
    'wiphy': 'u32', 'wiphy-name': 'string', 'ifindex': 'u32', 'ifname': 'string', 'iftype': 'u32 enum=iftype',
    'mac': 'binary hint=mac', 'key-data': 'binary', 'key-idx': 'u8', 'key-cipher': 'u32', 'key-seq': 'binary',
    'key-default': 'flag', 'beacon-interval': 'u32', 'dtim-period': 'u32', 'beacon-head': 'binary',
    'beacon-tail': 'binary', 'sta-aid': 'u16', 'sta-flags': 'binary', 'sta-listen-interval': 'u16',
    'sta-supported-rates': 'binary', 'sta-vlan': 'u32', 'sta-info': 'nest sta-info-attrs',
    'wiphy-bands': 'indexed-array band-attrs', 'mntr-flags': 'binary', 'mesh-id': 'binary',
    'sta-plink-action': 'u8', 'mpath-next-hop': 'binary hint=mac', 'mpath-info': 'binary',
    'bss-cts-prot': 'u8', 'bss-short-preamble': 'u8', 'bss-short-slot-time': 'u8', 'ht-capability': 'binary',
    'supported-iftypes': 'nest supported-iftypes', 'reg-alpha2': 'string', 'reg-rules': 'binary',
    'mesh-config': 'binary', 'bss-basic-rates': 'binary', 'wiphy-txq-params': 'binary', 'wiphy-freq': 'u32',
    'wiphy-channel-type': 'u32', 'key-default-mgmt': 'flag', 'mgmt-subtype': 'u8', 'ie': 'binary',
    'max-num-scan-ssids': 'u8', 'scan-frequencies': 'binary', 'scan-ssids': 'binary', 'generation': 'u32',
    'bss': 'nest bss-attrs', 'reg-initiator': 'u8', 'reg-type': 'u8',
    'supported-commands': 'indexed-array sub=u32', 'frame': 'binary', 'ssid': 'binary', 'auth-type': 'u32',
    'reason-code': 'u16', 'key-type': 'u32', 'max-scan-ie-len': 'u16', 'cipher-suites': 'binary sub=u32',
    'freq-before': 'binary', 'freq-after': 'binary', 'freq-fixed': 'flag', 'wiphy-retry-short': 'u8',
    'wiphy-retry-long': 'u8', 'wiphy-frag-threshold': 'u32', 'wiphy-rts-threshold': 'u32', 'timed-out': 'flag',
    'use-mfp': 'u32', 'sta-flags2': 'binary', 'control-port': 'flag', 'testdata': 'binary', 'privacy': 'flag',
    'disconnected-by-ap': 'flag', 'status-code': 'u16', 'cipher-suites-pairwise': 'u32',
    'cipher-suite-group': 'u32', 'wpa-versions': 'u32', 'akm-suites': 'u32', 'req-ie': 'binary',
    'resp-ie': 'binary', 'prev-bssid': 'binary hint=mac', 'key': 'binary', 'keys': 'binary', 'pid': 'u32',
    '4addr': 'u8', 'survey-info': 'binary', 'pmkid': 'binary', 'max-num-pmkids': 'u8', 'duration': 'u32',
    'cookie': 'u64', 'wiphy-coverage-class': 'u8', 'tx-rates': 'binary', 'frame-match': 'binary', 'ack': 'flag',
    'ps-state': 'u32', 'cqm': 'binary', 'local-state-change': 'flag', 'ap-isolate': 'u8',
    'wiphy-tx-power-setting': 'u32', 'wiphy-tx-power-level': 'u32', 'tx-frame-types': 'binary',
    'rx-frame-types': 'binary', 'frame-type': 'u16', 'control-port-ethertype': 'flag',
    'control-port-no-encrypt': 'flag', 'support-ibss-rsn': 'flag', 'wiphy-antenna-tx': 'u32',
    'wiphy-antenna-rx': 'u32', 'mcast-rate': 'u32', 'offchannel-tx-ok': 'flag', 'bss-ht-opmode': 'u16',
    'key-default-types': 'binary', 'max-remain-on-channel-duration': 'u32', 'mesh-setup': 'binary',
    'wiphy-antenna-avail-tx': 'u32', 'wiphy-antenna-avail-rx': 'u32', 'support-mesh-auth': 'flag',
    'sta-plink-state': 'u8', 'wowlan-triggers': 'binary', 'wowlan-triggers-supported': 'binary',
    'sched-scan-interval': 'u32', 'interface-combinations': 'binary', 'software-iftypes': 'nest supported-iftypes',
    'rekey-data': 'binary', 'max-num-sched-scan-ssids': 'u8', 'max-sched-scan-ie-len': 'u16',
    'scan-supp-rates': 'binary', 'hidden-ssid': 'u32', 'ie-probe-resp': 'binary', 'ie-assoc-resp': 'binary',
    'sta-wme': 'binary', 'support-ap-uapsd': 'flag', 'roam-support': 'flag', 'sched-scan-match': 'binary',
    'max-match-sets': 'u8', 'pmksa-candidate': 'binary', 'tx-no-cck-rate': 'flag', 'tdls-action': 'u8',
    'tdls-dialog-token': 'u8', 'tdls-operation': 'u8', 'tdls-support': 'flag', 'tdls-external-setup': 'flag',
    'device-ap-sme': 'u32', 'dont-wait-for-ack': 'flag', 'feature-flags': 'u32', 'probe-resp-offload': 'u32',
    'probe-resp': 'binary', 'dfs-region': 'u8', 'disable-ht': 'flag', 'ht-capability-mask': 'binary',
    'noack-map': 'u16', 'inactivity-timeout': 'u16', 'rx-signal-dbm': 'u32', 'bg-scan-period': 'u16',
    'wdev': 'u64', 'user-reg-hint-type': 'u32', 'conn-failed-reason': 'u32', 'auth-data': 'binary',
    'vht-capability': 'binary', 'scan-flags': 'u32', 'channel-width': 'u32 enum=chan-width',
    'center-freq1': 'u32', 'center-freq2': 'u32', 'p2p-ctwindow': 'u8', 'p2p-oppps': 'u8',
    'local-mesh-power-mode': 'u32', 'acl-policy': 'u32', 'mac-addrs': 'binary', 'mac-acl-max': 'u32',
    'radar-event': 'u32', 'ext-capa': 'binary', 'ext-capa-mask': 'binary', 'sta-capability': 'u16',
    'sta-ext-capability': 'binary', 'protocol-features': 'u32', 'split-wiphy-dump': 'flag',
    'disable-vht': 'flag', 'vht-capability-mask': 'binary', 'mdid': 'u16', 'ie-ric': 'binary',
    'crit-prot-id': 'u16', 'max-crit-prot-duration': 'u16', 'peer-aid': 'u16', 'coalesce-rule': 'binary',
    'ch-switch-count': 'u32', 'ch-switch-block-tx': 'flag', 'csa-ies': 'binary', 'cntdwn-offs-beacon': 'binary',
    'cntdwn-offs-presp': 'binary', 'rxmgmt-flags': 'u32', 'sta-supported-channels': 'binary',
    'sta-supported-oper-classes': 'binary', 'handle-dfs': 'flag', 'support-5-mhz': 'flag',
    'support-10-mhz': 'flag', 'opmode-notif': 'u8', 'vendor-id': 'u32', 'vendor-subcmd': 'u32',
    'vendor-data': 'binary', 'vendor-events': 'binary', 'qos-map': 'binary', 'mac-hint': 'binary hint=mac',
    'wiphy-freq-hint': 'u32', 'max-ap-assoc-sta': 'u32', 'tdls-peer-capability': 'u32', 'socket-owner': 'flag',
    'csa-c-offsets-tx': 'binary', 'max-csa-counters': 'u8', 'tdls-initiator': 'flag', 'use-rrm': 'flag',
    'wiphy-dyn-ack': 'flag', 'tsid': 'u8', 'user-prio': 'u8', 'admitted-time': 'u16', 'smps-mode': 'u8',
    'oper-class': 'u8', 'mac-mask': 'binary hint=mac', 'wiphy-self-managed-reg': 'flag', 'ext-features': 'binary',
    'survey-radio-stats': 'binary', 'netns-fd': 'u32', 'sched-scan-delay': 'u32', 'reg-indoor': 'flag',
    'max-num-sched-scan-plans': 'u32', 'max-scan-plan-interval': 'u32', 'max-scan-plan-iterations': 'u32',
    'sched-scan-plans': 'binary', 'pbss': 'flag', 'bss-select': 'binary', 'sta-support-p2p-ps': 'u8',
    'pad': 'pad', 'iftype-ext-capa': 'binary', 'mu-mimo-group-data': 'binary',
    'mu-mimo-follow-mac-addr': 'binary hint=mac', 'scan-start-time-tsf': 'u64',
    'scan-start-time-tsf-bssid': 'binary hint=mac', 'measurement-duration': 'u16',
    'measurement-duration-mandatory': 'flag', 'mesh-peer-aid': 'u16', 'nan-master-pref': 'u8', 'bands': 'u32',
    'nan-func': 'binary', 'nan-match': 'binary', 'fils-kek': 'binary', 'fils-nonces': 'binary',
    'multicast-to-unicast-enabled': 'flag', 'bssid': 'binary hint=mac', 'sched-scan-relative-rssi': 's8',
    'sched-scan-rssi-adjust': 'binary', 'timeout-reason': 'u32', 'fils-erp-username': 'binary',
    'fils-erp-realm': 'binary', 'fils-erp-next-seq-num': 'u16', 'fils-erp-rrk': 'binary',
    'fils-cache-id': 'binary', 'pmk': 'binary', 'sched-scan-multi': 'flag', 'sched-scan-max-reqs': 'u32',
    'want-1x-4way-hs': 'flag', 'pmkr0-name': 'binary', 'port-authorized': 'binary hint=mac',
    'external-auth-action': 'u32', 'external-auth-support': 'flag', 'nss': 'u8', 'ack-signal': 's32',
    'control-port-over-nl80211': 'flag', 'txq-stats': 'binary', 'txq-limit': 'u32', 'txq-memory-limit': 'u32',
    'txq-quantum': 'u32', 'he-capability': 'binary', 'ftm-responder': 'binary', 'ftm-responder-stats': 'binary',
    'timeout': 'u32', 'peer-measurements': 'binary', 'airtime-weight': 'u16', 'sta-tx-power-setting': 'u8',
    'sta-tx-power': 's16', 'sae-password': 'binary', 'twt-responder': 'flag', 'he-obss-pd': 'binary',
    'wiphy-edmg-channels': 'u8', 'wiphy-edmg-bw-config': 'u8', 'vlan-id': 'u16', 'he-bss-color': 'binary',
    'iftype-akm-suites': 'binary', 'tid-config': 'binary', 'control-port-no-preauth': 'flag',
    'pmk-lifetime': 'u32', 'pmk-reauth-threshold': 'u8', 'receive-multicast': 'flag',
    'wiphy-freq-offset': 'u32', 'center-freq1-offset': 'u32', 'scan-freq-khz': 'binary', 'he-6ghz-capability': 'binary',
    'fils-discovery': 'binary', 'unsol-bcast-probe-resp': 'binary', 's1g-capability': 'binary',
    's1g-capability-mask': 'binary', 'sae-pwe': 'u8', 'reconnect-requested': 'flag', 'sar-spec': 'binary',
    'disable-he': 'flag', 'obss-color-bitmap': 'u64', 'color-change-count': 'u8', 'color-change-color': 'u8',
    'color-change-elems': 'binary', 'mbssid-config': 'binary', 'mbssid-elems': 'binary',
    'radar-background': 'flag', 'ap-settings-flags': 'u32', 'eht-capability': 'binary', 'disable-eht': 'flag',
    'mlo-links': 'binary', 'mlo-link-id': 'u8', 'mld-addr': 'binary hint=mac', 'mlo-support': 'flag',
    'max-num-akm-suites': 'u16', 'eml-capability': 'u16', 'mld-capa-and-ops': 'u16', 'tx-hw-timestamp': 'u64',
    'rx-hw-timestamp': 'u64', 'td-bitmap': 'binary', 'punct-bitmap': 'u32', 'max-hw-timestamp-peers': 'u16',
    'hw-timestamp-enabled': 'flag', 'ema-rnr-elems': 'binary', 'mlo-link-disabled': 'flag',
    'bss-dump-include-use-data': 'flag', 'mlo-ttlm-dlink': 'binary', 'mlo-ttlm-ulink': 'binary',
    'assoc-spp-amsdu': 'flag', 'wiphy-radios': 'binary', 'wiphy-interface-combinations': 'binary',
    'vif-radio-mask': 'u32'}


@family
def nl80211():
    s = Spec('nl80211', 'genetlink-legacy', None, 'linux/nl80211.h',
             '802.11 configuration: interfaces, stations, scan results (a typed subset of linux/nl80211.h; '
             'the other attributes are named, their bytes shown as hex).')
    s.enum('iftype', 'linux/nl80211.h', 'NL80211_IFTYPE_UNSPECIFIED', 'NL80211_IFTYPE_',
           skip=('NL80211_IFTYPE_MAX', 'NUM_NL80211_IFTYPES'))
    s.enum('chan-width', 'linux/nl80211.h', 'NL80211_CHAN_WIDTH_20_NOHT', 'NL80211_CHAN_WIDTH_')
    s.enum('bss-status', 'linux/nl80211.h', 'NL80211_BSS_STATUS_AUTHENTICATED', 'NL80211_BSS_STATUS_')
    s.attrs('nl80211-attrs', 'linux/nl80211.h', 'NL80211_ATTR_UNSPEC', 'NL80211_ATTR_', NL80211_ATTRS,
            skip=('NL80211_ATTR_SCAN_GENERATION', 'NL80211_ATTR_MESH_PARAMS', 'NL80211_ATTR_CSA_C_OFF_BEACON',
                  'NL80211_ATTR_CSA_C_OFF_PRESP', 'NL80211_ATTR_CSA_C_OFFSETS_TX'))
    s.attrs('bss-attrs', 'linux/nl80211.h', '__NL80211_BSS_INVALID', 'NL80211_BSS_', {
        'bssid': 'binary hint=mac', 'frequency': 'u32', 'tsf': 'u64', 'beacon-interval': 'u16',
        'capability': 'u16', 'information-elements': 'binary', 'signal-mbm': 's32', 'signal-unspec': 'u8',
        'status': 'u32 enum=bss-status', 'seen-ms-ago': 'u32', 'beacon-ies': 'binary',
        'chan-width': 'u32', 'beacon-tsf': 'u64', 'prestatus-resp': 'flag', 'last-seen-boottime': 'u64',
        'pad': 'pad', 'parent-tsf': 'u64', 'parent-bssid': 'binary hint=mac', 'chain-signal': 'binary',
        'frequency-offset': 'u32', 'mlo-link-id': 'u8', 'mld-addr': 'binary hint=mac', 'use-for': 'u32',
        'cannot-use-reasons': 'u64'})
    rate = {
        'bitrate': 'u16', 'mcs': 'u8', '40-mhz-width': 'flag', 'short-gi': 'flag', 'bitrate32': 'u32',
        'vht-mcs': 'u8', 'vht-nss': 'u8', '80-mhz-width': 'flag', '80p80-mhz-width': 'flag',
        '160-mhz-width': 'flag', '10-mhz-width': 'flag', '5-mhz-width': 'flag', 'he-mcs': 'u8', 'he-nss': 'u8',
        'he-gi': 'u8', 'he-dcm': 'u8', 'he-ru-alloc': 'u8', '320-mhz-width': 'flag', 'eht-mcs': 'u8',
        'eht-nss': 'u8', 'eht-gi': 'u8', 'eht-ru-alloc': 'u8', 's1g-mcs': 'u8', 's1g-nss': 'u8',
        '1-mhz-width': 'flag', '2-mhz-width': 'flag', '4-mhz-width': 'flag', '8-mhz-width': 'flag',
        '16-mhz-width': 'flag'}
    s.attrs('rate-info-attrs', 'linux/nl80211.h', '__NL80211_RATE_INFO_INVALID', 'NL80211_RATE_INFO_', rate)
    s.attrs('sta-info-attrs', 'linux/nl80211.h', '__NL80211_STA_INFO_INVALID', 'NL80211_STA_INFO_', {
        'inactive-time': 'u32', 'rx-bytes': 'u32', 'tx-bytes': 'u32', 'llid': 'u16', 'plid': 'u16',
        'plink-state': 'u8', 'signal': 's8', 'tx-bitrate': 'nest rate-info-attrs', 'rx-packets': 'u32',
        'tx-packets': 'u32', 'tx-retries': 'u32', 'tx-failed': 'u32', 'signal-avg': 's8',
        'rx-bitrate': 'nest rate-info-attrs', 'bss-param': 'binary', 'connected-time': 'u32',
        'sta-flags': 'binary', 'beacon-loss': 'u32', 't-offset': 's64', 'local-pm': 'u32', 'peer-pm': 'u32',
        'nonpeer-pm': 'u32', 'rx-bytes64': 'u64', 'tx-bytes64': 'u64', 'chain-signal': 'binary',
        'chain-signal-avg': 'binary', 'expected-throughput': 'u32', 'rx-drop-misc': 'u64', 'beacon-rx': 'u64',
        'beacon-signal-avg': 's8', 'tid-stats': 'binary', 'rx-duration': 'u64', 'pad': 'pad',
        'ack-signal': 's8', 'ack-signal-avg': 's8', 'rx-mpdus': 'u32', 'fcs-error-count': 'u32',
        'connected-to-gate': 'u8', 'tx-duration': 'u64', 'airtime-weight': 'u16',
        'airtime-link-metric': 'u32', 'assoc-at-boottime': 'u64', 'connected-to-as': 'u8'})
    s.attrs('band-attrs', 'linux/nl80211.h', '__NL80211_BAND_ATTR_INVALID', 'NL80211_BAND_ATTR_', {
        'freqs': 'indexed-array frequency-attrs', 'rates': 'indexed-array bitrate-attrs',
        'ht-mcs-set': 'binary', 'ht-capa': 'u16', 'ht-ampdu-factor': 'u8', 'ht-ampdu-density': 'u8',
        'vht-mcs-set': 'binary', 'vht-capa': 'u32', 'iftype-data': 'binary', 'edmg-channels': 'binary',
        'edmg-bw-config': 'binary', 's1g-mcs-nss-set': 'binary', 's1g-capa': 'binary'})
    s.attrs('bitrate-attrs', 'linux/nl80211.h', '__NL80211_BITRATE_ATTR_INVALID', 'NL80211_BITRATE_ATTR_', {
        'rate': 'u32', '2ghz-shortpreamble': 'flag'})
    s.attrs('frequency-attrs', 'linux/nl80211.h', '__NL80211_FREQUENCY_ATTR_INVALID', 'NL80211_FREQUENCY_ATTR_', {
        'freq': 'u32', 'disabled': 'flag', 'no-ir': 'flag', 'no-ibss': 'flag', 'radar': 'flag',
        'max-tx-power': 'u32', 'dfs-state': 'u32', 'dfs-time': 'u32', 'no-ht40-minus': 'flag',
        'no-ht40-plus': 'flag', 'no-80mhz': 'flag', 'no-160mhz': 'flag', 'dfs-cac-time': 'u32',
        'indoor-only': 'flag', 'ir-concurrent': 'flag', 'no-20mhz': 'flag', 'no-10mhz': 'flag', 'wmm': 'binary',
        'no-he': 'flag', 'offset': 'u32', '1mhz': 'flag', '2mhz': 'flag', '4mhz': 'flag', '8mhz': 'flag',
        '16mhz': 'flag', 'no-320mhz': 'flag', 'no-eht': 'flag', 'psd': 's8', 'dfs-concurrent': 'flag',
        'no-6ghz-vlp-client': 'flag', 'no-6ghz-afc-client': 'flag', 'can-monitor': 'flag',
        'allow-6ghz-vlp-ap': 'flag'})
    iftypes = [(n, v) for n, v in enum_members('linux/nl80211.h', 'NL80211_IFTYPE_UNSPECIFIED')
               if n not in ('NL80211_IFTYPE_MAX', 'NUM_NL80211_IFTYPES', 'NL80211_IFTYPE_UNSPECIFIED')]
    s.attrs_from('supported-iftypes', iftypes, 'NL80211_IFTYPE_',
                 {n[len('NL80211_IFTYPE_'):].lower().replace('_', '-'): 'flag' for n, _ in iftypes})
    genl_ops(s, 'linux/nl80211.h', 'NL80211_CMD_UNSPEC', 'NL80211_CMD_', 'nl80211-attrs')
    return s


def simple_genl(name, header, doc, cmd_first, cmd_prefix, sets, main_set, uapi=None):
    """A generic netlink family: `sets` is a list of (set name, enum first member, prefix, types)."""
    s = Spec(name, 'genetlink-legacy', None, uapi or header, doc)
    for yname, first, prefix, types in sets:
        s.attrs(yname, header, first, prefix, types)
    genl_ops(s, header, cmd_first, cmd_prefix, main_set)
    return s


@family
def tcp_metrics():
    return simple_genl('tcp_metrics', 'linux/tcp_metrics.h', 'TCP metrics cache (linux/tcp_metrics.h).',
                       'TCP_METRICS_CMD_UNSPEC', 'TCP_METRICS_CMD_', [
        ('tcp-metrics', 'TCP_METRICS_ATTR_UNSPEC', 'TCP_METRICS_ATTR_', {
            'addr-ipv4': 'u32 be hint=ipv4', 'addr-ipv6': 'binary hint=ipv6', 'age': 'u64', 'tw-tsval': 'u32',
            'tw-ts-stamp': 's32', 'vals': 'nest metrics', 'fopen-mss': 'u16', 'fopen-syn-drops': 'u16',
            'fopen-syn-drop-ts': 'u64', 'fopen-cookie': 'binary', 'saddr-ipv4': 'u32 be hint=ipv4',
            'saddr-ipv6': 'binary hint=ipv6', 'pad': 'pad'}),
        ('metrics', 'TCP_METRIC_RTT', 'TCP_METRIC_', dict([('@zero', True)] + [(k, 'u32') for k in (
            'rtt', 'rttvar', 'ssthresh', 'cwnd', 'reordering', 'rtt-us', 'rttvar-us')]))],
        'tcp-metrics')


@family
def mptcp_pm():
    return simple_genl('mptcp_pm', 'linux/mptcp.h', 'MPTCP path manager (linux/mptcp.h).',
                       'MPTCP_PM_CMD_UNSPEC', 'MPTCP_PM_CMD_', [
        ('attr', 'MPTCP_PM_ATTR_UNSPEC', 'MPTCP_PM_ATTR_', {
            'addr': 'nest address', 'rcv-add-addrs': 'u32', 'subflows': 'u32', 'token': 'u32', 'loc-id': 'u8',
            'addr-remote': 'nest address'}),
        ('address', 'MPTCP_PM_ADDR_ATTR_UNSPEC', 'MPTCP_PM_ADDR_ATTR_', {
            'family': 'u16', 'id': 'u8', 'addr4': 'u32 be hint=ipv4', 'addr6': 'binary hint=ipv6',
            'port': 'u16', 'flags': 'u32', 'if-idx': 's32'})], 'attr') \
        if _has_enum('linux/mptcp.h', 'MPTCP_PM_CMD_UNSPEC') else None


@family
def taskstats():
    s = simple_genl('TASKSTATS', 'linux/taskstats.h', 'Per-task statistics (linux/taskstats.h); the kernel '
                    'registers the family as TASKSTATS.', 'TASKSTATS_CMD_UNSPEC', 'TASKSTATS_CMD_', [
        ('taskstats-attrs', 'TASKSTATS_TYPE_UNSPEC', 'TASKSTATS_TYPE_', {
            'pid': 'u32', 'tgid': 'u32', 'stats': 'binary', 'aggr-pid': 'nest taskstats-attrs',
            'aggr-tgid': 'nest taskstats-attrs', 'null': 'flag'}),
        ('taskstats-cmd-attrs', 'TASKSTATS_CMD_ATTR_UNSPEC', 'TASKSTATS_CMD_ATTR_', {
            'pid': 'u32', 'tgid': 'u32', 'register-cpumask': 'string', 'deregister-cpumask': 'string'})],
        'taskstats-attrs')
    return s


@family
def netdev():
    return simple_genl('netdev', 'linux/netdev.h', 'netdev features (linux/netdev.h).', 'NETDEV_CMD_DEV_GET',
                       'NETDEV_CMD_', [
        ('dev', 'NETDEV_A_DEV_IFINDEX', 'NETDEV_A_DEV_', {
            'ifindex': 'u32', 'pad': 'pad', 'xdp-features': 'u64', 'xdp-zc-max-segs': 'u32',
            'xdp-rx-metadata-features': 'u64', 'xsk-features': 'u64'})], 'dev') \
        if os.path.exists(os.path.join(INCLUDE, 'linux/netdev.h')) else None


@family
def wireguard():
    return simple_genl('wireguard', 'linux/wireguard.h', 'WireGuard devices and peers (linux/wireguard.h).',
                       'WG_CMD_GET_DEVICE', 'WG_CMD_', [
        ('wgdevice', 'WGDEVICE_A_UNSPEC', 'WGDEVICE_A_', {
            'ifindex': 'u32', 'ifname': 'string', 'private-key': 'binary', 'public-key': 'binary',
            'flags': 'u32', 'listen-port': 'u16', 'fwmark': 'u32', 'peers': 'indexed-array wgpeer'}),
        ('wgpeer', 'WGPEER_A_UNSPEC', 'WGPEER_A_', {
            'public-key': 'binary', 'preshared-key': 'binary', 'flags': 'u32', 'endpoint': 'binary',
            'persistent-keepalive-interval': 'u16', 'last-handshake-time': 'binary', 'rx-bytes': 'u64',
            'tx-bytes': 'u64', 'allowedips': 'indexed-array wgallowedip', 'protocol-version': 'u32'}),
        ('wgallowedip', 'WGALLOWEDIP_A_UNSPEC', 'WGALLOWEDIP_A_', {
            'family': 'u16', 'ipaddr': 'binary hint=ipv4-or-v6', 'cidr-mask': 'u8', 'flags': 'u32'})],
        'wgdevice')


@family
def ethtool():
    s = Spec('ethtool', 'genetlink-legacy', None, 'linux/ethtool_netlink.h',
             'ethtool over netlink, basics: headers, strings, link info/modes/state, features, rings, channels.')
    s.ops_model = None
    hdr = {'dev-index': 'u32', 'dev-name': 'string', 'flags': 'u32', 'phy-index': 'u32'}
    s.attrs('header', 'linux/ethtool_netlink.h', 'ETHTOOL_A_HEADER_UNSPEC', 'ETHTOOL_A_HEADER_', hdr)
    for name, first, prefix, types in [
        ('strset', 'ETHTOOL_A_STRSET_UNSPEC', 'ETHTOOL_A_STRSET_', {
            'header': 'nest header', 'stringsets': 'nest stringsets', 'counts-only': 'flag'}),
        ('stringsets', 'ETHTOOL_A_STRINGSETS_UNSPEC', 'ETHTOOL_A_STRINGSETS_', {'stringset': 'nest stringset multi'}),
        ('stringset', 'ETHTOOL_A_STRINGSET_UNSPEC', 'ETHTOOL_A_STRINGSET_', {
            'id': 'u32', 'count': 'u32', 'strings': 'nest strings multi'}),
        ('strings', 'ETHTOOL_A_STRINGS_UNSPEC', 'ETHTOOL_A_STRINGS_', {'string': 'nest string multi'}),
        ('string', 'ETHTOOL_A_STRING_UNSPEC', 'ETHTOOL_A_STRING_', {'index': 'u32', 'value': 'string'}),
        ('linkinfo', 'ETHTOOL_A_LINKINFO_UNSPEC', 'ETHTOOL_A_LINKINFO_', {
            'header': 'nest header', 'port': 'u8', 'phyaddr': 'u8', 'tp-mdix': 'u8', 'tp-mdix-ctrl': 'u8',
            'transceiver': 'u8'}),
        ('linkmodes', 'ETHTOOL_A_LINKMODES_UNSPEC', 'ETHTOOL_A_LINKMODES_', {
            'header': 'nest header', 'autoneg': 'u8', 'ours': 'nest bitset', 'peer': 'nest bitset', 'speed': 'u32',
            'duplex': 'u8', 'master-slave-cfg': 'u8', 'master-slave-state': 'u8', 'lanes': 'u32',
            'rate-matching': 'u8'}),
        ('linkstate', 'ETHTOOL_A_LINKSTATE_UNSPEC', 'ETHTOOL_A_LINKSTATE_', {
            'header': 'nest header', 'link': 'u8', 'sqi': 'u32', 'sqi-max': 'u32', 'ext-state': 'u8',
            'ext-substate': 'u8', 'ext-down-cnt': 'u32'}),
        ('bitset', 'ETHTOOL_A_BITSET_UNSPEC', 'ETHTOOL_A_BITSET_', {
            'nomask': 'flag', 'size': 'u32', 'bits': 'nest bitset-bits', 'value': 'binary', 'mask': 'binary'}),
        ('bitset-bits', 'ETHTOOL_A_BITSET_BITS_UNSPEC', 'ETHTOOL_A_BITSET_BITS_', {'bit': 'nest bitset-bit multi'}),
        ('bitset-bit', 'ETHTOOL_A_BITSET_BIT_UNSPEC', 'ETHTOOL_A_BITSET_BIT_', {
            'index': 'u32', 'name': 'string', 'value': 'flag'}),
        ('features', 'ETHTOOL_A_FEATURES_UNSPEC', 'ETHTOOL_A_FEATURES_', {
            'header': 'nest header', 'hw': 'nest bitset', 'wanted': 'nest bitset', 'active': 'nest bitset',
            'nochange': 'nest bitset'}),
        ('rings', 'ETHTOOL_A_RINGS_UNSPEC', 'ETHTOOL_A_RINGS_', dict(
            [('header', 'nest header')] + [(k, 'u32') for k in (
                'rx-max', 'rx-mini-max', 'rx-jumbo-max', 'tx-max', 'rx', 'rx-mini', 'rx-jumbo', 'tx', 'rx-buf-len',
                'cqe-size', 'tx-push-buf-len', 'tx-push-buf-len-max', 'hds-thresh', 'hds-thresh-max')] + [
                (k, 'u8') for k in ('tcp-data-split', 'tx-push', 'rx-push')])),
        ('channels', 'ETHTOOL_A_CHANNELS_UNSPEC', 'ETHTOOL_A_CHANNELS_', dict(
            [('header', 'nest header')] + [(k, 'u32') for k in (
                'rx-max', 'tx-max', 'other-max', 'combined-max', 'rx-count', 'tx-count', 'other-count',
                'combined-count')])),
    ]:
        s.attrs(name, 'linux/ethtool_netlink.h', first, prefix, types)
    # ethtool's request and reply ids differ: ETHTOOL_MSG_*_GET to the kernel, ETHTOOL_MSG_*_GET_REPLY back.
    s.ops_model = 'directional'
    s.ops_prefix = 'ethtool-msg-'
    req = dict(enum_members('linux/ethtool_netlink.h', 'ETHTOOL_MSG_USER_NONE'))
    rep = dict(enum_members('linux/ethtool_netlink.h', 'ETHTOOL_MSG_KERNEL_NONE'))
    for base, aset in [('strset', 'strset'), ('linkinfo', 'linkinfo'), ('linkmodes', 'linkmodes'),
                       ('linkstate', 'linkstate'), ('features', 'features'), ('rings', 'rings'),
                       ('channels', 'channels')]:
        up = base.upper()
        if 'ETHTOOL_MSG_%s_GET' % up in req and 'ETHTOOL_MSG_%s_GET_REPLY' % up in rep:
            s.op(base + '-get', req['ETHTOOL_MSG_%s_GET' % up], aset,
                 reply_value=rep['ETHTOOL_MSG_%s_GET_REPLY' % up])
    return s

# ---------------------------------------------------------------------------------------------
# NETLINK_NETFILTER: nfnetlink message types are (subsystem << 8) | message.
# ---------------------------------------------------------------------------------------------

def nfgenmsg(spec):
    address_families(spec)
    spec.struct('linux/netfilter/nfnetlink.h', 'nfgenmsg')
    set_member(spec, 'nfgenmsg', 'nfgen-family', enum='address-families')
    return 'nfgenmsg'


def nf_ops(spec, subsys, path, first, prefix, aset_for, skip=()):
    spec.ops_prefix = ''  # operation names are the whole constant names
    seen = set()
    members = enum_members(path, first)
    for n, v in members:
        if is_sentinel(n, v, members) or n in skip or v in seen or not n.startswith(prefix):
            continue
        seen.add(v)
        aset = aset_for(n) if callable(aset_for) else aset_for
        if aset:
            spec.op(n.lower().replace('_', '-'), (subsys << 8) | v, aset, 'nfgenmsg')


@family
def ipset():
    s = Spec('ipset', 'netlink-raw', 12, 'linux/netfilter/ipset/ip_set.h',
             'IP sets over nfnetlink (subsystem NFNL_SUBSYS_IPSET = 6). IPSET_ATTR_DATA holds create '
             'attributes in CREATE/LIST/HEADER and add/del attributes in ADD/DEL/TEST.')
    nfgenmsg(s)
    h = 'linux/netfilter/ipset/ip_set.h'
    cmd_level = {'protocol': 'u8', 'setname': 'string', 'typename': 'string', 'revision': 'u8', 'family': 'u8',
                 'flags': 'u32 be', 'lineno': 'u32 be', 'protocol-min': 'u8', 'index': 'u16 be'}
    s.attrs('ipset-attrs', h, 'IPSET_ATTR_UNSPEC', 'IPSET_ATTR_',
            dict(cmd_level, data='nest create-data', adt='nest adt-list'), skip=('IPSET_ATTR_SETNAME2',))
    s.attrs('ipset-adt-attrs', h, 'IPSET_ATTR_UNSPEC', 'IPSET_ATTR_',
            dict(cmd_level, data='nest adt-data', adt='nest adt-list'), skip=('IPSET_ATTR_SETNAME2',))
    cadt = {'ip': 'nest ipaddr', 'ip-from': 'nest ipaddr', 'ip-to': 'nest ipaddr', 'cidr': 'u8',
            'port': 'u16 be', 'port-from': 'u16 be', 'port-to': 'u16 be', 'timeout': 'u32 be', 'proto': 'u8',
            'cadt-flags': 'u32 be', 'cadt-lineno': 'u32 be', 'lineno': 'u32 be', 'mark': 'u32 be',
            'markmask': 'u32 be'}
    members = enum_members(h, 'IPSET_ATTR_IP')
    create = [(n, v) for n, v in members if v <= 16 or n in {
        'IPSET_ATTR_INITVAL', 'IPSET_ATTR_GC', 'IPSET_ATTR_HASHSIZE', 'IPSET_ATTR_MAXELEM', 'IPSET_ATTR_NETMASK',
        'IPSET_ATTR_BUCKETSIZE', 'IPSET_ATTR_PROBES', 'IPSET_ATTR_RESIZE', 'IPSET_ATTR_SIZE',
        'IPSET_ATTR_ELEMENTS', 'IPSET_ATTR_REFERENCES', 'IPSET_ATTR_MEMSIZE', 'IPSET_ATTR_BITMASK'}]
    adt = [(n, v) for n, v in members if v <= 16 or (n, v) not in create]
    adt = [(n, v) for n, v in adt if n not in dict(create) or v <= 16]
    s.attrs_from('create-data', create, 'IPSET_ATTR_', dict(cadt, **{
        'initval': 'u32 be', 'gc': 'u32 be', 'hashsize': 'u32 be', 'maxelem': 'u32 be', 'netmask': 'u8',
        'bucketsize': 'u8', 'probes': 'u8', 'resize': 'u8', 'size': 'u32 be', 'elements': 'u32 be',
        'references': 'u32 be', 'memsize': 'u32 be', 'bitmask': 'nest ipaddr'}),
                 skip=('IPSET_ATTR_IP_FROM', 'IPSET_ATTR_PORT_FROM', 'IPSET_ATTR_LINENO', 'IPSET_ATTR_CADT_MAX'))
    s.attrs_from('adt-data', adt, 'IPSET_ATTR_', dict(cadt, **{
        'ether': 'binary hint=mac', 'name': 'string', 'nameref': 'string', 'ip2': 'nest ipaddr', 'cidr2': 'u8',
        'ip2-to': 'nest ipaddr', 'iface': 'string', 'bytes': 'u64 be', 'packets': 'u64 be', 'comment': 'string',
        'skbmark': 'u64 be', 'skbprio': 'u32 be', 'skbqueue': 'u16 be', 'pad': 'pad'}),
                 skip=('IPSET_ATTR_IP_FROM', 'IPSET_ATTR_PORT_FROM', 'IPSET_ATTR_LINENO', 'IPSET_ATTR_CADT_MAX'))
    s.attrs_from('adt-list', [('IPSET_ATTR_DATA', 7)], 'IPSET_ATTR_', {'data': 'nest adt-data multi'})
    s.attrs('ipaddr', h, 'IPSET_ATTR_IPADDR_IPV4', 'IPSET_ATTR_IPADDR_', {
        'ipv4': 'binary hint=ipv4', 'ipv6': 'binary hint=ipv6'})
    nf_ops(s, 6, h, 'IPSET_CMD_NONE', 'IPSET_CMD_',
           lambda n: 'ipset-adt-attrs' if n in ('IPSET_CMD_ADD', 'IPSET_CMD_DEL', 'IPSET_CMD_TEST') else 'ipset-attrs',
           skip=('IPSET_CMD_NONE', 'IPSET_MSG_MAX'))
    return s


@family
def conntrack():
    s = Spec('conntrack', 'netlink-raw', 12, 'linux/netfilter/nfnetlink_conntrack.h',
             'Connection tracking over nfnetlink (NFNL_SUBSYS_CTNETLINK = 1).')
    nfgenmsg(s)
    h = 'linux/netfilter/nfnetlink_conntrack.h'
    s.enum('ct-status', 'linux/netfilter/nf_conntrack_common.h', 'IPS_EXPECTED', 'IPS_', flags=True)
    s.attrs('conntrack-attrs', h, 'CTA_UNSPEC', 'CTA_', {
        'tuple-orig': 'nest tuple-attrs', 'tuple-reply': 'nest tuple-attrs', 'status': 'u32 be enum=ct-status flags',
        'protoinfo': 'nest protoinfo-attrs', 'help': 'nest help-attrs', 'nat-src': 'nest nat-attrs',
        'timeout': 'u32 be', 'mark': 'u32 be', 'counters-orig': 'nest counters-attrs',
        'counters-reply': 'nest counters-attrs', 'use': 'u32 be', 'id': 'u32 be', 'nat-dst': 'nest nat-attrs',
        'tuple-master': 'nest tuple-attrs', 'seq-adj-orig': 'nest seqadj-attrs', 'seq-adj-reply': 'nest seqadj-attrs',
        'secmark': 'u32 be', 'zone': 'u16 be', 'secctx': 'nest secctx-attrs', 'timestamp': 'nest tstamp-attrs',
        'mark-mask': 'u32 be', 'labels': 'binary', 'labels-mask': 'binary', 'synproxy': 'nest synproxy-attrs',
        'filter': 'binary', 'status-mask': 'u32 be', 'timestamp-event': 'u64 be'})
    s.attrs('tuple-attrs', h, 'CTA_TUPLE_UNSPEC', 'CTA_TUPLE_', {
        'ip': 'nest ip-attrs', 'proto': 'nest proto-attrs', 'zone': 'u16 be'})
    s.attrs('ip-attrs', h, 'CTA_IP_UNSPEC', 'CTA_IP_', {
        'v4-src': 'binary hint=ipv4', 'v4-dst': 'binary hint=ipv4', 'v6-src': 'binary hint=ipv6',
        'v6-dst': 'binary hint=ipv6'})
    s.attrs('proto-attrs', h, 'CTA_PROTO_UNSPEC', 'CTA_PROTO_', {
        'num': 'u8', 'src-port': 'u16 be', 'dst-port': 'u16 be', 'icmp-id': 'u16 be', 'icmp-type': 'u8',
        'icmp-code': 'u8', 'icmpv6-id': 'u16 be', 'icmpv6-type': 'u8', 'icmpv6-code': 'u8'})
    s.attrs('protoinfo-attrs', h, 'CTA_PROTOINFO_UNSPEC', 'CTA_PROTOINFO_', {
        'tcp': 'nest protoinfo-tcp-attrs', 'dccp': 'binary', 'sctp': 'binary'})
    s.attrs('protoinfo-tcp-attrs', h, 'CTA_PROTOINFO_TCP_UNSPEC', 'CTA_PROTOINFO_TCP_', {
        'state': 'u8', 'wscale-original': 'u8', 'wscale-reply': 'u8', 'flags-original': 'binary',
        'flags-reply': 'binary'})
    s.attrs('counters-attrs', h, 'CTA_COUNTERS_UNSPEC', 'CTA_COUNTERS_', {
        'packets': 'u64 be', 'bytes': 'u64 be', '32-packets': 'u32 be', '32-bytes': 'u32 be', 'pad': 'pad'})
    s.attrs('tstamp-attrs', h, 'CTA_TIMESTAMP_UNSPEC', 'CTA_TIMESTAMP_', {'start': 'u64 be', 'stop': 'u64 be', 'pad': 'pad'})
    s.attrs('nat-attrs', h, 'CTA_NAT_UNSPEC', 'CTA_NAT_', {
        'v4-minip': 'binary hint=ipv4', 'minip': 'binary hint=ipv4', 'v4-maxip': 'binary hint=ipv4',
        'maxip': 'binary hint=ipv4', 'proto': 'binary', 'v6-minip': 'binary hint=ipv6',
        'v6-maxip': 'binary hint=ipv6'})
    s.attrs('seqadj-attrs', h, 'CTA_SEQADJ_UNSPEC', 'CTA_SEQADJ_', {
        'correction-pos': 'u32 be', 'offset-before': 'u32 be', 'offset-after': 'u32 be'})
    s.attrs('help-attrs', h, 'CTA_HELP_UNSPEC', 'CTA_HELP_', {'name': 'string', 'info': 'binary'})
    s.attrs('secctx-attrs', h, 'CTA_SECCTX_UNSPEC', 'CTA_SECCTX_', {'name': 'string'})
    s.attrs('synproxy-attrs', h, 'CTA_SYNPROXY_UNSPEC', 'CTA_SYNPROXY_', {
        'isn': 'u32 be', 'its': 'u32 be', 'tsoff': 'u32 be'})
    nf_ops(s, 1, h, 'IPCTNL_MSG_CT_NEW', 'IPCTNL_MSG_CT_', 'conntrack-attrs', skip=('IPCTNL_MSG_MAX',))
    return s


@family
def nftables():
    s = Spec('nftables', 'netlink-raw', 12, 'linux/netfilter/nf_tables.h',
             'nftables core over nfnetlink (NFNL_SUBSYS_NFTABLES = 10): tables, chains, rules, sets, '
             'set elements, generations, and the batch messages around them.')
    nfgenmsg(s)
    h = 'linux/netfilter/nf_tables.h'
    s.attrs('table-attrs', h, 'NFTA_TABLE_UNSPEC', 'NFTA_TABLE_', {
        'name': 'string', 'flags': 'u32 be', 'use': 'u32 be', 'handle': 'u64 be', 'pad': 'pad',
        'userdata': 'binary', 'owner': 'u32 be'})
    s.attrs('chain-attrs', h, 'NFTA_CHAIN_UNSPEC', 'NFTA_CHAIN_', {
        'table': 'string', 'handle': 'u64 be', 'name': 'string', 'hook': 'nest hook-attrs', 'policy': 'u32 be',
        'use': 'u32 be', 'type': 'string', 'counters': 'nest counter-attrs', 'pad': 'pad', 'flags': 'u32 be',
        'id': 'u32 be', 'userdata': 'binary'})
    s.attrs('hook-attrs', h, 'NFTA_HOOK_UNSPEC', 'NFTA_HOOK_', {
        'hooknum': 'u32 be', 'priority': 's32 be', 'dev': 'string', 'devs': 'nest hook-dev-attrs'})
    s.attrs_from('hook-dev-attrs', [('NFTA_DEVICE_NAME', 1)], 'NFTA_DEVICE_', {'name': 'string multi'})
    s.attrs('counter-attrs', h, 'NFTA_COUNTER_UNSPEC', 'NFTA_COUNTER_', {
        'bytes': 'u64 be', 'packets': 'u64 be', 'pad': 'pad'})
    s.attrs('rule-attrs', h, 'NFTA_RULE_UNSPEC', 'NFTA_RULE_', {
        'table': 'string', 'chain': 'string', 'handle': 'u64 be', 'expressions': 'nest expr-list-attrs',
        'compat': 'binary', 'position': 'u64 be', 'userdata': 'binary', 'pad': 'pad', 'id': 'u32 be',
        'position-id': 'u32 be', 'chain-id': 'u32 be'})
    s.attrs('expr-list-attrs', h, 'NFTA_LIST_UNSPEC', 'NFTA_LIST_', {'elem': 'nest expr-attrs multi'})
    s.attrs('expr-attrs', h, 'NFTA_EXPR_UNSPEC', 'NFTA_EXPR_', {'name': 'string', 'data': 'binary'})
    s.attrs('set-attrs', h, 'NFTA_SET_UNSPEC', 'NFTA_SET_', {
        'table': 'string', 'name': 'string', 'flags': 'u32 be', 'key-type': 'u32 be', 'key-len': 'u32 be',
        'data-type': 'u32 be', 'data-len': 'u32 be', 'policy': 'u32 be', 'desc': 'nest set-desc-attrs',
        'id': 'u32 be', 'timeout': 'u64 be', 'gc-interval': 'u32 be', 'userdata': 'binary', 'pad': 'pad',
        'obj-type': 'u32 be', 'handle': 'u64 be', 'expr': 'nest expr-attrs', 'expressions': 'nest expr-list-attrs',
        'type': 'string', 'count': 'u32 be'})
    s.attrs('set-desc-attrs', h, 'NFTA_SET_DESC_UNSPEC', 'NFTA_SET_DESC_', {'size': 'u32 be', 'concat': 'binary'})
    s.attrs('setelem-list-attrs', h, 'NFTA_SET_ELEM_LIST_UNSPEC', 'NFTA_SET_ELEM_LIST_', {
        'table': 'string', 'set': 'string', 'elements': 'nest setelem-list-elem-attrs', 'set-id': 'u32 be'})
    s.attrs_from('setelem-list-elem-attrs', [('NFTA_LIST_ELEM', 1)], 'NFTA_LIST_', {'elem': 'nest setelem-attrs multi'})
    s.attrs('setelem-attrs', h, 'NFTA_SET_ELEM_UNSPEC', 'NFTA_SET_ELEM_', {
        'key': 'nest data-attrs', 'data': 'nest data-attrs', 'flags': 'u32 be', 'timeout': 'u64 be',
        'expiration': 'u64 be', 'userdata': 'binary', 'expr': 'nest expr-attrs', 'pad': 'pad', 'objref': 'string',
        'key-end': 'nest data-attrs', 'expressions': 'nest expr-list-attrs'})
    s.attrs('data-attrs', h, 'NFTA_DATA_UNSPEC', 'NFTA_DATA_', {'value': 'binary', 'verdict': 'binary'})
    s.attrs('gen-attrs', h, 'NFTA_GEN_UNSPEC', 'NFTA_GEN_', {'id': 'u32 be', 'proc-pid': 'u32 be', 'proc-name': 'string'})
    s.attrs('batch-attrs', 'linux/netfilter/nfnetlink.h', 'NFNL_BATCH_UNSPEC', 'NFNL_BATCH_', {'genid': 'u32 be'})

    def aset(n):
        for key, a in (('TABLE', 'table-attrs'), ('CHAIN', 'chain-attrs'), ('RULE', 'rule-attrs'),
                       ('SETELEM', 'setelem-list-attrs'), ('SET', 'set-attrs'), ('GEN', 'gen-attrs')):
            if n.endswith(key) or n.endswith(key + 'S') or ('_' + key + '_') in n:
                return a
        return None
    nf_ops(s, 10, h, 'NFT_MSG_NEWTABLE', 'NFT_MSG_', aset, skip=('NFT_MSG_MAX',))
    # NFNL_MSG_BATCH_BEGIN/END: subsystem 0, types NLMSG_MIN_TYPE and NLMSG_MIN_TYPE + 1
    s.op('nfnl-msg-batch-begin', 0x10, 'batch-attrs', 'nfgenmsg')
    s.op('nfnl-msg-batch-end', 0x11, 'batch-attrs', 'nfgenmsg')
    return s

@family
def xfrm():
    s = Spec('xfrm', 'netlink-raw', 6, 'linux/xfrm.h',
             'IPsec states and policies over NETLINK_XFRM, basics: SA and policy messages with their '
             'fixed headers, XFRMA_* attributes.')
    address_families(s)
    h = 'linux/xfrm.h'
    for st in ('xfrm_usersa_info', 'xfrm_usersa_id', 'xfrm_userpolicy_info', 'xfrm_userpolicy_id',
               'xfrm_user_expire', 'xfrm_user_polexpire', 'xfrm_userspi_info', 'xfrm_user_acquire',
               'xfrm_aevent_id', 'xfrm_encap_tmpl', 'xfrm_mark', 'xfrm_lifetime_cur', 'xfrm_replay_state',
               'xfrm_user_tmpl'):
        s.struct(h, st)
    manual_struct(s, 'xfrm-usersa-flush', [{'name': 'proto', 'type': 'u8'}, {'name': 'pad', 'type': 'pad', 'len': 3}])
    manual_struct(s, 'xfrm-flags', [{'name': 'flags', 'type': 'u32'}])
    s.attrs('xfrm-attrs', h, 'XFRMA_UNSPEC', 'XFRMA_', {
        'alg-auth': 'binary', 'alg-crypt': 'binary', 'alg-comp': 'binary', 'encap': 'binary struct=xfrm-encap-tmpl',
        'tmpl': 'binary', 'sa': 'binary struct=xfrm-usersa-info', 'policy': 'binary struct=xfrm-userpolicy-info',
        'sec-ctx': 'binary', 'ltime-val': 'binary struct=xfrm-lifetime-cur',
        'replay-val': 'binary struct=xfrm-replay-state', 'replay-thresh': 'u32', 'etimer-thresh': 'u32',
        'srcaddr': 'binary hint=ipv4-or-v6', 'coaddr': 'binary hint=ipv4-or-v6', 'lastused': 'u64',
        'policy-type': 'binary', 'migrate': 'binary', 'alg-aead': 'binary', 'kmaddress': 'binary',
        'alg-auth-trunc': 'binary', 'mark': 'binary struct=xfrm-mark', 'tfcpad': 'u32', 'replay-esn-val': 'binary',
        'sa-extra-flags': 'u32', 'proto': 'u8', 'address-filter': 'binary', 'pad': 'pad', 'offload-dev': 'binary',
        'set-mark': 'u32', 'set-mark-mask': 'u32', 'if-id': 'u32', 'mtimer-thresh': 'u32', 'sa-dir': 'u8',
        'nat-keepalive-interval': 'u32', 'sa-pcpu': 'u32', 'iptfs-drop-time': 'u32', 'iptfs-reorder-window': 'u16',
        'iptfs-dont-frag': 'flag', 'iptfs-init-delay': 'u32', 'iptfs-max-qsize': 'u32', 'iptfs-pkt-size': 'u32'},
            skip=('XFRMA_OUTPUT_MARK',))
    headers = {'NEWSA': 'xfrm-usersa-info', 'UPDSA': 'xfrm-usersa-info', 'DELSA': 'xfrm-usersa-id',
               'GETSA': 'xfrm-usersa-id', 'NEWPOLICY': 'xfrm-userpolicy-info', 'UPDPOLICY': 'xfrm-userpolicy-info',
               'DELPOLICY': 'xfrm-userpolicy-id', 'GETPOLICY': 'xfrm-userpolicy-id', 'ALLOCSPI': 'xfrm-userspi-info',
               'ACQUIRE': 'xfrm-user-acquire', 'EXPIRE': 'xfrm-user-expire', 'POLEXPIRE': 'xfrm-user-polexpire',
               'FLUSHSA': 'xfrm-usersa-flush', 'NEWAE': 'xfrm-aevent-id', 'GETAE': 'xfrm-aevent-id',
               'MIGRATE': 'xfrm-userpolicy-id', 'NEWSADINFO': 'xfrm-flags', 'GETSADINFO': 'xfrm-flags',
               'NEWSPDINFO': 'xfrm-flags', 'GETSPDINFO': 'xfrm-flags'}
    s.ops_prefix = 'xfrm-msg-'
    for n, v in enum_members(h, 'XFRM_MSG_NEWSA'):
        short = n[len('XFRM_MSG_'):]
        if short in headers:
            s.op(short.lower(), v, 'xfrm-attrs', headers[short])
        elif short == 'FLUSHPOLICY':
            s.op('flushpolicy', v, 'xfrm-attrs')
    return s


@family
def devlink():
    return simple_genl('devlink', 'linux/devlink.h', 'devlink basics: devices, ports, info (linux/devlink.h).',
                       'DEVLINK_CMD_UNSPEC', 'DEVLINK_CMD_', [
        ('devlink', 'DEVLINK_ATTR_UNSPEC', 'DEVLINK_ATTR_', {
            'bus-name': 'string', 'dev-name': 'string', 'port-index': 'u32', 'port-type': 'u16',
            'port-desired-type': 'u16', 'port-netdev-ifindex': 'u32', 'port-netdev-name': 'string',
            'port-ibdev-name': 'string', 'port-split-count': 'u32', 'port-split-group': 'u32',
            'sb-index': 'u32', 'sb-size': 'u32', 'port-flavour': 'u16', 'port-number': 'u32',
            'port-split-subport-number': 'u32', 'pad': 'pad', 'info-driver-name': 'string',
            'info-serial-number': 'string', 'info-version-fixed': 'nest devlink', 'info-version-running': 'nest devlink',
            'info-version-stored': 'nest devlink', 'info-version-name': 'string', 'info-version-value': 'string',
            'reload-failed': 'u8', 'port-pci-pf-number': 'u16', 'port-pci-vf-number': 'u16',
            'port-controller-number': 'u32', 'port-pci-sf-number': 'u32', 'port-external': 'u8',
            'info-board-serial-number': 'string', 'port-lanes': 'u32', 'port-splittable': 'u8',
            'netns-fd': 'u32', 'netns-pid': 'u32', 'netns-id': 'u32', 'linecard-index': 'u32',
            'nested-devlink': 'nest devlink', 'param-name': 'string', 'region-name': 'string',
            'health-reporter-name': 'string', 'trap-name': 'string', 'trap-group-name': 'string',
            'rate-node-name': 'string', 'selftest-id': 'binary', 'index': 'uint'})], 'devlink') \
        if os.path.exists(os.path.join(INCLUDE, 'linux/devlink.h')) else None


@family
def ipvs():
    s = Spec('IPVS', 'genetlink-legacy', None, 'linux/ip_vs.h',
             'IP Virtual Server (linux/ip_vs.h); the kernel registers the family as IPVS.')
    h = 'linux/ip_vs.h'
    s.struct(h, 'ip_vs_flags')
    s.attrs('ipvs-cmd-attrs', h, 'IPVS_CMD_ATTR_UNSPEC', 'IPVS_CMD_ATTR_', {
        'service': 'nest ipvs-service-attrs', 'dest': 'nest ipvs-dest-attrs', 'daemon': 'nest ipvs-daemon-attrs',
        'timeout-tcp': 'u32', 'timeout-tcp-fin': 'u32', 'timeout-udp': 'u32'})
    stats = 'nest ipvs-stats-attrs'
    s.attrs('ipvs-service-attrs', h, 'IPVS_SVC_ATTR_UNSPEC', 'IPVS_SVC_ATTR_', {
        'af': 'u16 enum=address-families', 'protocol': 'u16', 'addr': 'binary', 'port': 'u16 be', 'fwmark': 'u32',
        'sched-name': 'string', 'flags': 'binary struct=ip-vs-flags', 'timeout': 'u32', 'netmask': 'u32 be hint=ipv4',
        'stats': stats, 'pe-name': 'string', 'stats64': 'nest ipvs-stats64-attrs'})
    address_families(s)
    s.attrs('ipvs-dest-attrs', h, 'IPVS_DEST_ATTR_UNSPEC', 'IPVS_DEST_ATTR_', {
        'addr': 'binary', 'port': 'u16 be', 'fwd-method': 'u32', 'weight': 'u32', 'u-thresh': 'u32',
        'l-thresh': 'u32', 'active-conns': 'u32', 'inact-conns': 'u32', 'persist-conns': 'u32', 'stats': stats,
        'addr-family': 'u16 enum=address-families', 'stats64': 'nest ipvs-stats64-attrs', 'tun-type': 'u8',
        'tun-port': 'u16 be', 'tun-flags': 'u16'})
    s.attrs('ipvs-daemon-attrs', h, 'IPVS_DAEMON_ATTR_UNSPEC', 'IPVS_DAEMON_ATTR_', {
        'state': 'u32', 'mcast-ifn': 'string', 'sync-id': 'u32', 'sync-maxlen': 'u16',
        'mcast-group': 'u32 be hint=ipv4', 'mcast-group6': 'binary hint=ipv6', 'mcast-port': 'u16', 'mcast-ttl': 'u8'})
    s.attrs('ipvs-stats-attrs', h, 'IPVS_STATS_ATTR_UNSPEC', 'IPVS_STATS_ATTR_', dict(
        [(k, 'u32') for k in ('conns', 'inpkts', 'outpkts', 'cps', 'inpps', 'outpps', 'inbps', 'outbps')]
        + [('inbytes', 'u64'), ('outbytes', 'u64'), ('pad', 'pad')]))
    s.attrs('ipvs-stats64-attrs', h, 'IPVS_STATS_ATTR_UNSPEC', 'IPVS_STATS_ATTR_', dict(
        [(k, 'u64') for k in ('conns', 'inpkts', 'outpkts', 'cps', 'inpps', 'outpps', 'inbps', 'outbps',
                              'inbytes', 'outbytes')] + [('pad', 'pad')]))
    # GET_INFO replies number IPVS_INFO_ATTR_* from 1 at the top level, where the others use IPVS_CMD_ATTR_*
    s.attrs('ipvs-info-attrs', h, 'IPVS_INFO_ATTR_UNSPEC', 'IPVS_INFO_ATTR_', {
        'version': 'u32', 'conn-tab-size': 'u32'})
    genl_ops(s, h, 'IPVS_CMD_UNSPEC', 'IPVS_CMD_',
             lambda n: 'ipvs-info-attrs' if n.endswith('_INFO') else 'ipvs-cmd-attrs')
    return s

# ---------------------------------------------------------------------------------------------

def main():
    global INCLUDE
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--include', default=INCLUDE)
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', 'decoder', 'src', 'main',
                                                  'resources', 'org', 'nlwb', 'specs'))
    ap.add_argument('only', nargs='*', help='family names to write (default: all)')
    args = ap.parse_args()
    INCLUDE = args.include
    os.makedirs(args.out, exist_ok=True)
    names = []
    for fn in FAMILIES:
        spec = fn()
        if spec is None:
            continue  # the headers here lack this family
        if args.only and spec.name not in args.only:
            continue
        print('wrote', write(spec, args.out), file=sys.stderr)
        names.append(spec.name)
    if not args.only:
        with open(os.path.join(args.out, 'INDEX'), 'w') as f:
            for n in sorted(names):
                f.write(n + '.yaml\n')
    for u in UNTYPED:
        print('untyped (binary):', u, file=sys.stderr)


if __name__ == '__main__':
    main()

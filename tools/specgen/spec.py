"""One YNL spec document being assembled: definitions, attribute sets, sub-messages, operations.

Each category keeps the order things were added in, which is the order of the family's data file;
a definition asked for twice (a shared enum, a struct nested in two others) is written once.

Attribute types are written compactly in the families' data:

    mtu: u32                               scalar
    ifname: string                         text
    address: binary hint=mac               bytes with a display hint
    stats64: binary struct=rtnl-link-stats64
    linkinfo: nest linkinfo-attrs
    data: sub-message linkinfo-data-msg sel=kind
    operstate: u8 enum=oper-state          (add `flags` for enum-as-flags)
    port: u16 be                           big-endian
    alt-ifname: string multi               may repeat
    act: indexed-array act-attrs first=1   (sub=u32 for an array of scalars; first=N: items counted from N)

or as a mapping {type: <compact>, <more YNL keys>: ...} for keys the compact form lacks.
"""
import re

from .datacheck import DataError
from .headers import HeaderError, is_sentinel, ynl_name

TYPES = {'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'uint', 'sint', 'string', 'binary', 'flag', 'pad',
         'bitfield32', 'nest', 'indexed-array', 'nest-type-value', 'sub-message'}


class Spec:
    def __init__(self, name, protocol, protonum, uapi, doc, headers):
        self.name = name
        self.protocol = protocol
        self.protonum = protonum
        self.uapi = uapi
        self.doc = doc
        self.headers = headers  # a HeaderView: what this family read
        self.definitions = []
        self.def_names = set()
        self.sets = []
        self.submsgs = []
        self.ops = []
        self.ops_prefix = None
        self.ops_model = None
        self.untyped = []      # attributes a header names and the data does not type
        self.not_in_headers = []  # operations the data names and these headers lack

    # definitions -----------------------------------------------------------------------------
    def struct(self, path, cname, yname=None):
        """A struct from the header, after the structs it holds; its YNL name (ifinfomsg, rtnl-link-stats)."""
        yname = yname or ynl_name(cname)
        if yname in self.def_names:
            return yname
        members = self.headers.struct(path, cname)[0]
        for mem in members:
            if '_struct' in mem:
                self.struct(*mem.pop('_struct'))
            if mem['type'] == 'pad' and self.protocol != 'netlink-raw':
                mem['type'] = 'binary'  # the genetlink schemas have no pad member: a hole is bytes
        self._define({'name': yname, 'type': 'struct', 'members': members})
        return yname

    def layout(self, yname, members):
        """A struct written out by hand (the header's declaration is not what the kernel reads)."""
        if yname not in self.def_names:
            self._define({'name': yname, 'type': 'struct', 'members': members})
        return yname

    def set_member(self, struct, member, keys):
        """Adds YNL keys (enum, enum-as-flags ...) to one member of a struct already defined."""
        for d in self.definitions:
            if d['name'] == struct:
                for m in d['members']:
                    if m['name'] == member:
                        m.update(keys)
                        return
        raise HeaderError('family %s: struct %s has no member %s' % (self.name, struct, member))

    def enum(self, yname, path, first, prefix, flags=False, skip=()):
        """An enum (or flags, from bit-valued constants) from the header enum holding `first`."""
        if yname in self.def_names:
            return yname
        entries = []
        seen = set()
        members = self.headers.enum_members(path, first)
        for n, v in members:
            if is_sentinel(n, v, members) or n in skip or v in seen or not n.startswith(prefix):
                continue
            seen.add(v)
            entries.append((n, v))
        return self._enum(yname, prefix, entries, flags, '%s enum of %s' % (path, first))

    def enum_defines(self, yname, path, pattern, prefix, flags=False, skip=()):
        """An enum (or flags) from the header's #define constants matching `pattern`."""
        if yname in self.def_names:
            return yname
        entries, seen = [], set()
        for n, v in self.headers.defines(path, pattern):
            if v in seen or n in skip:
                continue
            seen.add(v)
            entries.append((n, v))
        return self._enum(yname, prefix, entries, flags, '%s #defines %s' % (path, pattern))

    def enum_list(self, yname, prefix, entries, flags=False):
        """An enum whose constants are written in the data (no header of ours declares them)."""
        if yname in self.def_names:
            return yname
        return self._enum(yname, prefix, entries, flags, 'the data')

    def _enum(self, yname, prefix, entries, flags, source):
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
        if not out:
            raise HeaderError('family %s: %s %s has no entries in %s' % (
                self.name, 'flags' if flags else 'enum', yname, source))
        self._define({'name': yname, 'type': 'flags' if flags else 'enum',
                      'name-prefix': prefix.lower().replace('_', '-'), 'entries': out})
        return yname

    def _define(self, d):
        self.definitions.append(d)
        self.def_names.add(d['name'])

    # attribute sets --------------------------------------------------------------------------
    def attrs(self, yname, members, prefix, types, skip=(), zero=False, default=None):
        """An attribute set from (constant, value) pairs; names are the constants less `prefix`.
        Sentinels, *_UNSPEC, a *_NONE of value 0 and (unless `zero`) value 0 are left out (a counter
        named *_NONE, netdev's NETDEV_A_QSTATS_RX_CSUM_NONE, is an attribute); of two constants with
        one value the later is the current name (IFLA_TARGET_NETNSID), either may be the one typed."""
        by_value = {}
        order = []
        added = {name for _, name in getattr(self.headers, 'added', ())}  # the data's after-headers: never sentinels
        for n, v in members:
            if is_sentinel(n, v, members) and n not in added or n.endswith('_UNSPEC') or n.endswith('_NONE') and v == 0 \
                    or n in skip or not n.startswith(prefix):
                continue
            if v == 0 and not zero:
                continue
            if v not in by_value:
                order.append(v)
            by_value[v] = n
        attrs = []
        for v in order:
            short = _short(by_value[v], prefix)
            t = types.get(short)
            if t is None:
                for alias, av in members:
                    if av == v and alias.startswith(prefix) and _short(alias, prefix) in types:
                        t = types[_short(alias, prefix)]
                        break
            if t is None and default is not None:
                t = default
            if t is None:
                self.untyped.append('%s: %s.%s' % (self.name, yname, short))
                t = 'binary'
            try:
                attrs.append(attribute(short, v, t))
            except ValueError as e:
                raise DataError('family %s: attribute set %s: %s: %s' % (self.name, yname, short, e)) from None
        if not attrs:
            raise HeaderError('family %s: attribute set %s has no attributes named %s*' % (self.name, yname, prefix))
        self.sets.append({'name': yname, 'name-prefix': prefix.lower().replace('_', '-'), 'attributes': attrs})
        return yname

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
    def op(self, name, value, aset, fixed_header=None, reply_value=None, ack_only=False):
        """One message both ways (a do with request and reply); `reply_value` for a directional model.
        Directional only: `value` None is a notification (the kernel's message `reply_value`);
        `ack_only` a request answered by an ACK, no reply message."""
        self.ops.append((name, value, aset, fixed_header, reply_value, ack_only))

    def render(self):
        """The YNL document as plain dicts and lists, keys in the order YNL specs write them."""
        doc = {'name': self.name}
        if self.protocol:
            doc['protocol'] = self.protocol
        if self.uapi:
            doc['uapi-header'] = self.uapi
        if self.protonum is not None:
            doc['protonum'] = self.protonum
        doc['doc'] = self.doc
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
        ops['list'] = [self._render_op(*op) for op in self.ops]
        doc['operations'] = ops
        return doc

    def _render_op(self, name, value, aset, fh, reply_value, ack_only):
        directional = self.ops_model == 'directional'
        o = {'name': name}
        if directional and value is None:
            # a notification: the layout of the get whose reply has its attribute set, if any
            o['value'] = reply_value
            o['attribute-set'] = aset
            if fh:
                o['fixed-header'] = fh
            of = [n for n, v, a, _, r, ack in self.ops if a == aset and v is not None and r is not None and not ack]
            if of:
                o['notify'] = of[0]
            else:
                o['event'] = {'attributes': []}
            return o
        if not directional:
            o['value'] = value
        o['attribute-set'] = aset
        if fh:
            o['fixed-header'] = fh
        mode = {'request': {'attributes': []}, 'reply': {'attributes': []}}
        if directional:
            mode['request']['value'] = value
            if ack_only:
                del mode['reply']
            else:
                mode['reply']['value'] = reply_value if reply_value is not None else value
        o['do'] = mode
        return o


def _short(constant, prefix):
    return constant[len(prefix):].lower().replace('_', '-')


def attribute(short, value, t):
    """The YNL attribute for a compact type string, or a mapping {type: compact, more keys...}."""
    extra = {}
    if isinstance(t, dict):
        extra = dict(t)
        t = extra.pop('type')
    words = t.split()
    if not words or words[0] not in TYPES:
        raise ValueError('%r is not a YNL attribute type (%s)' % (t, ', '.join(sorted(TYPES))))
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
        elif w.startswith('first='):
            a['first-index'] = int(w[6:])
        elif words[0] in ('nest', 'indexed-array', 'nest-type-value') and 'nested-attributes' not in a:
            a['nested-attributes'] = w
        elif words[0] == 'sub-message' and 'sub-message' not in a:
            a['sub-message'] = w
        else:
            raise ValueError('bad type word %r in %r' % (w, t))
    if words[0] == 'indexed-array' and 'sub-type' not in a:
        a['sub-type'] = 'nest'
    a.update(extra)
    return a

"""A first family data file (families/NAME.yaml) for a generic netlink family, read from the
kernel's YNL spec of it and checked against the UAPI headers:

    python3 -m tools.specgen.draft ../shared/specs/ynl/netdev.yaml 7.2.13 > tools/specgen/families/netdev.yaml

The YNL spec is read for facts only -- each constant's name and number, each attribute's payload
type, nest, struct layout and enum -- never copied: what comes out is this engine's data, where
every constant the headers have is taken from them and only the ones they lack are written out in
`after-headers` (the whole enum when the headers lack the header altogether: linux/netdev.h
before 6.3). Read the draft, then run tools/gen_specs.py on it like any data file.

Numbering follows the YNL rules for genetlink specs (Documentation/netlink/genetlink*.yaml):
attributes and operations count from 1 unless a `value` says otherwise, enum entries from
`value-start` (0), flags are bits from `value-start`; C names are `name-prefix` (default
FAMILY-a-SET- for attributes, FAMILY-cmd- for operations, FAMILY-ENUM- for definitions) plus the
name, upper case, `-` as `_`.
"""
import os
import sys

import yaml

from .headers import Headers, HeaderError, MissingHeader

SCALARS = {'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'uint', 'sint', 'string', 'binary', 'flag',
           'pad', 'bitfield32'}


def c_name(prefix, name):
    return (prefix + name).upper().replace('-', '_').replace('.', '_')


class Draft:
    def __init__(self, ynl, kernel, include='/usr/include'):
        self.y = ynl
        self.name = ynl['name']
        self.ident = self.name.replace('-', '_')
        self.kernel = kernel
        self.header = ynl.get('uapi-header', 'linux/%s.h' % self.ident)
        self.view = Headers(include).view(self.name)
        self.groups = []
        self.source = "the kernel's YNL spec %s.yaml (Linux %s)" % (self.name.replace('-', '_'), kernel)

    # the headers, and what they lack ----------------------------------------------------------
    def _header_enum(self, first):
        try:
            return dict(self.view.enum_members(self.header, first))
        except (HeaderError, MissingHeader):
            return None

    def _enum_ref(self, constants):
        """The constant naming a header enum for `constants` [(name, value)], adding an
        after-headers group for those the headers lack; None if there are none."""
        if not constants:
            return None
        have, present = None, None
        for n, _ in constants:
            have = self._header_enum(n)
            if have is not None:
                present = n
                break
        missing = {n: v for n, v in constants if have is None or n not in have}
        anchor = present or constants[0][0]
        if missing:
            self.groups.append({'enum': anchor, 'kernel': self.kernel.rsplit('.', 1)[0], 'source': self.source,
                                'constants': missing})
        return anchor

    # definitions ------------------------------------------------------------------------------
    def definitions(self):
        out = []
        for d in self.y.get('definitions', []):
            t = d.get('type')
            if t in ('enum', 'flags'):
                prefix = d.get('name-prefix', '%s-%s-' % (self.name, d['name']))
                start = d.get('value-start', 0)
                consts = []
                for i, e in enumerate(d.get('entries', [])):
                    ename = e if isinstance(e, str) else e['name']
                    v = e.get('value', start + i) if isinstance(e, dict) else start + i
                    consts.append((c_name(prefix, ename), 1 << v if t == 'flags' else v))
                ref = self._enum_ref(consts)
                if ref:
                    entry = {'name': d['name'], 'enum': ref, 'prefix': c_name(prefix, '')}
                    if t == 'flags':
                        entry['type'] = 'flags'
                    out.append(entry)
            elif t == 'struct':
                out.append(self._struct(d))
        return out

    def _struct(self, d):
        cname = d['name'].replace('-', '_')
        try:
            self.view.struct(self.header, cname)
            return {'struct': cname}
        except (HeaderError, MissingHeader, ValueError):  # ValueError: a size the reader cannot work out
            keep = ('name', 'type', 'len', 'byte-order', 'enum', 'display-hint', 'struct')
            members = [{k: m[k] for k in keep if k in m} for m in d['members']]
            for m in members:  # nlwb's struct members have no pad type: a hole is bytes
                if m['type'] == 'pad':
                    m['type'] = 'binary'
            return {'name': d['name'], 'layout': members}

    # attribute sets ---------------------------------------------------------------------------
    def _set_prefix(self, s):
        return s.get('name-prefix', '%s-a-%s-' % (self.name, s['name']))

    def _numbered(self, s):
        val, out = 1, []
        for a in s['attributes']:
            val = a.get('value', val)
            out.append((a, val))
            val += 1
        return out

    def attribute_sets(self):
        sets = {s['name']: s for s in self.y.get('attribute-sets', [])}
        empty = {n for n, s in sets.items() if not s['attributes']}
        out = []
        for s in self.y.get('attribute-sets', []):
            parent = sets.get(s.get('subset-of'), s)
            prefix = self._set_prefix(parent)
            numbered = self._numbered(parent)
            names = {a['name'] for a in s['attributes']}
            consts = [(c_name(prefix, a['name']), v) for a, v in numbered]
            if not consts:  # an empty nest (netdev's xsk-info): no set; attributes holding it are binary
                continue
            ref = self._enum_ref(consts) if parent is s else consts[0][0]
            entry = {'name': s['name'], 'enum': ref, 'prefix': c_name(prefix, '')}
            if parent is not s:
                entry['only'] = [c_name(prefix, a['name']) for a, _ in numbered if a['name'] in names]
            ptypes = {a['name']: a for a, _ in numbered}
            types, skip = {}, []
            for a, _ in numbered:
                if a['name'] not in names:
                    continue
                own = next(x for x in s['attributes'] if x['name'] == a['name'])
                full = dict(ptypes[a['name']], **own)
                if full.get('type') == 'unused':
                    skip.append(c_name(prefix, a['name']))
                    continue
                if full.get('nested-attributes') in empty:
                    full = {'name': full['name'], 'type': 'binary'}
                types[a['name']] = compact(full)
            if skip:
                entry['skip'] = skip
            if any(v == 0 for a, v in numbered if a['name'] in names):
                entry['zero'] = True  # an attribute numbered 0 (OVS_TUNNEL_KEY_ATTR_ID)
            entry['types'] = types
            out.append(entry)
        return out

    def sub_messages(self):
        out = {}
        for sm in self.y.get('sub-messages', []):
            formats = {}
            for f in sm['formats']:
                if 'fixed-header' in f:
                    formats[f['value']] = {k: f[k] for k in ('attribute-set', 'fixed-header') if k in f}
                else:
                    formats[f['value']] = f.get('attribute-set', {})
            out[sm['name']] = formats
        return out

    # operations -------------------------------------------------------------------------------
    def operations(self):
        ops = self.y.get('operations', {})
        prefix = ops.get('name-prefix', '%s-cmd-' % self.name)
        by_name = {o['name']: o for o in ops.get('list', [])}
        val, consts, sets = 1, [], {}
        for o in ops.get('list', []):
            val = o.get('value', val)
            c = c_name(prefix, o['name'])
            consts.append((c, val))
            src = by_name.get(o.get('notify'), o)
            aset = o.get('attribute-set', src.get('attribute-set'))
            if aset:
                sets[c] = aset
            val += 1
        if not consts:
            return []
        ref = self._enum_ref(consts)
        common = max(set(sets.values()), key=list(sets.values()).count) if sets else None
        g = {'commands': ref, 'prefix': c_name(prefix, '')}
        if common:
            g['attribute-set'] = common
        other = {'^%s$' % c: s for c, s in sets.items() if s != common}
        if other:
            g['attribute-set-by-name'] = other
        fh = ops.get('fixed-header')
        if fh:
            g['fixed-header'] = fh
        return [g]

    def data(self):
        defs = self.definitions()
        sets = self.attribute_sets()
        subs = self.sub_messages()
        ops = self.operations()
        d = {'name': self.name, 'protocol': 'genetlink-legacy', 'uapi-header': self.header,
             'doc': '%s over generic netlink (%s).' % (self.name, self.header), 'header': self.header}
        if self.groups:
            d['after-headers'] = self.groups
        if defs:
            d['definitions'] = defs
        d['attribute-sets'] = sets
        if subs:
            d['sub-messages'] = subs
        d['operations'] = ops
        return d


def compact(a):
    """The engine's compact type (tools/specgen/spec.py) for one YNL attribute."""
    t = a['type']
    if t == 'array-nest':
        t = 'indexed-array'
    words = [t]
    if t in ('nest', 'nest-type-value', 'indexed-array') and 'nested-attributes' in a:
        words.append(a['nested-attributes'])
    if t == 'indexed-array' and a.get('sub-type', 'nest') != 'nest':
        words.append('sub=' + a['sub-type'])
    if t == 'sub-message':
        words += [a['sub-message'], 'sel=' + a['selector']]
    if a.get('byte-order') == 'big-endian':
        words.append('be')
    if 'struct' in a:
        words.append('struct=' + a['struct'])
    if 'enum' in a:
        words.append('enum=' + a['enum'])
        if a.get('enum-as-flags'):
            words.append('flags')
    if 'display-hint' in a:
        words.append('hint=' + a['display-hint'])
    if a.get('multi-attr'):
        words.append('multi')
    if t not in SCALARS | {'nest', 'nest-type-value', 'indexed-array', 'sub-message'}:
        raise ValueError('attribute %s: type %s has no compact form' % (a['name'], t))
    return ' '.join(words)


def main(argv):
    path, kernel = argv[1], argv[2]
    with open(path) as f:
        ynl = yaml.safe_load(f)
    d = Draft(ynl, kernel, argv[3] if len(argv) > 3 else '/usr/include').data()
    head = ('# %s over generic netlink. Drafted by tools/specgen/draft.py from the kernel\'s YNL spec %s\n'
            '# (Linux %s), numbers and names checked against the headers. Keys: tools/specgen/README.md.\n'
            % (d['name'], os.path.basename(path), kernel))
    sys.stdout.write(head + yaml.safe_dump(d, sort_keys=False, width=110, default_flow_style=None))


if __name__ == '__main__':
    main(sys.argv)

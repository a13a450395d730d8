"""A family's data file (families/NAME.yaml) read and carried out against the headers.

The data says where each definition, attribute set and operation comes from (header, enum,
prefix) and what the header cannot say (attribute types, nests, sub-messages, display hints,
struct member enums). This module only interprets it: every key is checked, so a misspelt key is
an error, not something quietly ignored. README.md describes the keys.
"""
import os

import yaml

from .datacheck import DataError, keys
from .after import AfterHeaders
from .operations import add_operations
from .spec import Spec

HERE = os.path.dirname(os.path.abspath(__file__))
FAMILIES_DIR = os.path.join(HERE, 'families')
SHARED_FILE = os.path.join(HERE, 'shared.yaml')
ROOT = os.path.dirname(os.path.dirname(HERE))  # the repository: data files are named from here


def family_files():
    """Every family data file, by family name."""
    return {f[:-len('.yaml')]: os.path.join(FAMILIES_DIR, f)
            for f in sorted(os.listdir(FAMILIES_DIR)) if f.endswith('.yaml')}


def load(path):
    with open(path) as f:
        data = yaml.safe_load(f)
    where = os.path.relpath(path, ROOT)
    if not isinstance(data, dict):
        raise DataError('%s: not a mapping' % where)
    name = os.path.basename(path)[:-len('.yaml')]
    if data.get('name') != name:
        raise DataError('%s: name must be %r, the file\'s name' % (where, name))
    return data, where


def shared_snippets():
    with open(SHARED_FILE) as f:
        return yaml.safe_load(f)


class Family:
    """One family's data, ready to be built against a HeaderView."""

    TOP = {'protocol', 'protonum', 'uapi-header', 'header', 'needs-headers', 'after-headers', 'definitions',
           'attribute-sets', 'sub-messages', 'operations'}

    def __init__(self, data, where, shared):
        keys(data, self.TOP, where, required=('name', 'doc'))
        self.data = data
        self.where = where
        self.shared = shared
        self.name = data['name']
        self.needs = data.get('needs-headers')

    def build(self, headers):
        d = self.data
        headers = AfterHeaders(headers, d.get('after-headers'), d.get('header'), '%s: after-headers' % self.where)
        spec = Spec(self.name, d.get('protocol'), d.get('protonum'), d.get('uapi-header'), d['doc'], headers)
        for where, e in self._expanded(d.get('definitions', []), '%s: definitions' % self.where):
            self._definition(spec, e, where)
        for i, e in enumerate(d.get('attribute-sets', [])):
            self._attribute_set(spec, e, '%s: attribute-sets[%d]' % (self.where, i))
        for name, formats in (d.get('sub-messages') or {}).items():
            spec.submsg(name, [_format(v, f, '%s: sub-messages.%s' % (self.where, name))
                               for v, f in formats.items()])
        for i, g in enumerate(d.get('operations', [])):
            add_operations(spec, g, self._header(g), '%s: operations[%d]' % (self.where, i))
        unused = headers.unused()
        if unused:
            raise DataError('%s: read by no definition, attribute set or operation (which enum or header do they '
                            'continue?)' % ', '.join(unused))
        return spec

    def _header(self, e):
        return e.get('header', self.data.get('header'))

    def _expanded(self, entries, where):
        """(where, definition) with each `use: SNIPPET` replaced by the shared snippet's definitions."""
        for i, e in enumerate(entries):
            if isinstance(e, dict) and 'use' in e:
                keys(e, {'use'}, '%s[%d]' % (where, i))
                if e['use'] not in self.shared:
                    raise DataError('%s[%d]: no snippet %r in tools/specgen/shared.yaml' % (where, i, e['use']))
                yield from self._expanded(self.shared[e['use']], 'tools/specgen/shared.yaml: %s' % e['use'])
            else:
                yield '%s[%d]' % (where, i), e

    def _definition(self, spec, e, where):
        keys(e, {'struct', 'layout', 'enum', 'defines', 'entries', 'name', 'header', 'prefix', 'type', 'skip',
                 'overrides'}, where)
        h = self._header(e)
        if 'struct' in e:
            keys(e, {'name', 'header', 'overrides'}, where, required=('struct',))
            cnames = e['struct'] if isinstance(e['struct'], list) else [e['struct']]
            if len(cnames) > 1 and ('name' in e or 'overrides' in e):
                raise DataError('%s: name and overrides are for one struct' % where)
            for c in cnames:
                yname = spec.struct(h, c, e.get('name'))
                for member, extra in (e.get('overrides') or {}).items():
                    spec.set_member(yname, member, extra)
        elif 'layout' in e:
            keys(e, (), where, required=('layout', 'name'))
            spec.layout(e['name'], e['layout'])
        elif 'enum' in e:
            keys(e, {'header', 'type', 'skip'}, where, required=('enum', 'name', 'prefix'))
            spec.enum(e['name'], h, e['enum'], e['prefix'], _flags(e, where), e.get('skip', ()))
        elif 'defines' in e:
            keys(e, {'header', 'type', 'skip'}, where, required=('defines', 'name', 'prefix'))
            spec.enum_defines(e['name'], h, e['defines'], e['prefix'], _flags(e, where), e.get('skip', ()))
        elif 'entries' in e:
            keys(e, {'type'}, where, required=('entries', 'name', 'prefix'))
            spec.enum_list(e['name'], e['prefix'], list(e['entries'].items()), _flags(e, where))
        else:
            raise DataError('%s: a definition needs struct, layout, enum, defines or entries' % where)

    def _attribute_set(self, spec, e, where):
        keys(e, {'header', 'enum', 'members', 'numbered', 'only', 'max-value', 'skip', 'zero', 'value-offset',
                 'default-type', 'types'}, where, required=('name', 'prefix'))
        prefix = e['prefix']
        if 'enum' in e:
            # one header enum, or several whose numbers continue one another (ipset's CADT and ADT enums)
            members = [m for first in (e['enum'] if isinstance(e['enum'], list) else [e['enum']])
                       for m in spec.headers.enum_members(self._header(e), first)]
        elif 'members' in e:
            members = list(e['members'].items())
        elif 'numbered' in e:
            members = [('%s%d' % (prefix, i), i) for i in range(e['numbered'])]
        else:
            raise DataError('%s: an attribute set needs enum, members or numbered' % where)
        if 'value-offset' in e:  # attribute numbers are the enum's values plus this (tcp_metrics: index + 1)
            members = [(n, v + e['value-offset']) for n, v in members]
        if 'only' in e:
            members = [(n, v) for n, v in members if n in e['only']]
        if 'max-value' in e:
            members = [(n, v) for n, v in members if v <= e['max-value']]
        types = e.get('types') or {}
        for k, t in types.items():
            if not isinstance(k, str) or not (isinstance(t, str) or isinstance(t, dict) and 'type' in t):
                raise DataError('%s: types: %r: %r is not a name and a type (quote names YAML reads as '
                                'something else: "no", "null", "on")' % (where, k, t))
        spec.attrs(e['name'], members, prefix, types, e.get('skip', ()), e.get('zero', False), e.get('default-type'))


def _flags(e, where):
    t = e.get('type', 'enum')
    if t not in ('enum', 'flags'):
        raise DataError('%s: type is enum or flags, not %r' % (where, t))
    return t == 'flags'


def _format(value, f, where):
    """A sub-message format: an attribute set's name, or {attribute-set, fixed-header}, or {} for neither."""
    if isinstance(f, str):
        return value, f, None
    f = f or {}
    keys(f, {'attribute-set', 'fixed-header'}, where)
    return value, f.get('attribute-set'), f.get('fixed-header')


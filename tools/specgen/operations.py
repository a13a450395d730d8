"""Operation groups of a family's data: which header enum numbers the messages, how they are named.

One group kind per way netlink numbers messages:

  rtnetlink   [newlink, getlink ...] looked up as RTM_* in linux/rtnetlink.h (op names rtm-*)
  commands    every constant of a header enum (generic netlink commands, XFRM_MSG_*),
              named by the constant less its prefix
  nfnetlink   every constant of a header enum, numbered (subsystem << 8) | value, named by the
              whole constant
  directional request and reply numbered apart (ethtool's ETHTOOL_MSG_*_GET / *_GET_REPLY)
  message     one operation written out (a number no header enum holds)

A message the data names that these headers lack is left out and listed (spec.not_in_headers);
newer headers have it.
"""
import re

from .datacheck import DataError, keys
from .headers import is_sentinel

_ASET = {'attribute-set', 'attribute-set-by-name'}


def add_operations(spec, g, header, where):
    for kind, fn in (('rtnetlink', _rtnetlink), ('commands', _commands), ('nfnetlink', _nfnetlink),
                     ('directional', _directional), ('message', _message)):
        if kind in g:
            return fn(spec, g, header, where)
    raise DataError('%s: an operation group needs one of rtnetlink, commands, nfnetlink, directional, message'
                    % where)


def _rtnetlink(spec, g, header, where):
    """One operation per RTM_* message type: the same id and name both ways (RTM_NEWLINK is a
    request, a reply to RTM_GETLINK and a notification)."""
    keys(g, {'fixed-header'}, where, required=('rtnetlink', 'attribute-set'))
    values = dict(spec.headers.enum_members('linux/rtnetlink.h', 'RTM_NEWLINK'))
    spec.ops_prefix = 'rtm-'
    for n in g['rtnetlink']:
        constant = 'RTM_' + n.upper()
        if constant in values:
            spec.op(n, values[constant], g['attribute-set'], g.get('fixed-header'))
        else:
            spec.not_in_headers.append('%s: %s' % (spec.name, constant))


def _commands(spec, g, header, where):
    """One operation per command of the header enum holding `commands`; one id both ways. With
    `fixed-headers` only the commands it lists are taken, each with its fixed header (~ for none)."""
    keys(g, _ASET | {'header', 'skip', 'fixed-header', 'fixed-headers'}, where, required=('commands', 'prefix'))
    prefix = g['prefix']
    listed = g.get('fixed-headers')
    spec.ops_prefix = prefix.lower().replace('_', '-')
    seen = set()
    members = spec.headers.enum_members(header, g['commands'])
    for n, v in members:
        if is_sentinel(n, v, members) or n.endswith('_UNSPEC') or v == 0 or n in g.get('skip', ()) \
                or v in seen or not n.startswith(prefix):
            continue
        short = n[len(prefix):]
        if listed is not None and short not in listed:
            continue
        seen.add(v)
        aset = _attribute_set(g, n)
        if aset:
            fh = listed[short] if listed is not None else g.get('fixed-header')
            spec.op(short.lower().replace('_', '-'), v, aset, fh)
    if listed is not None:
        taken = {op[0] for op in spec.ops}
        spec.not_in_headers += ['%s: %s%s' % (spec.name, prefix, s) for s in listed
                                if s.lower().replace('_', '-') not in taken]


def _nfnetlink(spec, g, header, where):
    """nfnetlink message types are (subsystem << 8) | message; operation names are whole constants."""
    keys(g, _ASET | {'header', 'skip', 'fixed-header'}, where, required=('nfnetlink', 'subsystem', 'prefix'))
    spec.ops_prefix = ''
    seen = set()
    members = spec.headers.enum_members(header, g['nfnetlink'])
    for n, v in members:
        if is_sentinel(n, v, members) or n in g.get('skip', ()) or v in seen or not n.startswith(g['prefix']):
            continue
        seen.add(v)
        aset = _attribute_set(g, n)
        if aset:
            spec.op(n.lower().replace('_', '-'), (g['subsystem'] << 8) | v, aset, g.get('fixed-header'))


def _directional(spec, g, header, where):
    """Requests numbered in one header enum, replies and notifications in another (enum-model:
    directional). An entry is `{request, reply}` (a request the kernel answers with a reply
    message), `{request}` alone (answered by an ACK: *_SET, *_ACT) or `{notify}` (a kernel
    message nobody asked for: *_NTF)."""
    keys(g, {'header'}, where, required=('directional', 'request-enum', 'reply-enum', 'name-prefix'))
    spec.ops_model = 'directional'
    spec.ops_prefix = g['name-prefix']
    req = dict(spec.headers.enum_members(header, g['request-enum']))
    rep = dict(spec.headers.enum_members(header, g['reply-enum']))
    for name, m in g['directional'].items():
        w = '%s: %s' % (where, name)
        keys(m, {'request', 'reply', 'notify'}, w, required=('attribute-set',))
        if 'notify' in m:
            if 'request' in m or 'reply' in m:
                raise DataError('%s: a notification has no request or reply' % w)
            if m['notify'] in rep:
                spec.op(name, None, m['attribute-set'], reply_value=rep[m['notify']])
            else:
                spec.not_in_headers.append('%s: %s' % (spec.name, m['notify']))
            continue
        if 'request' not in m:
            raise DataError('%s: needs request (and reply, unless an ACK answers it) or notify' % w)
        wanted = [m['request']] + ([m['reply']] if 'reply' in m else [])
        if m['request'] in req and ('reply' not in m or m['reply'] in rep):
            spec.op(name, req[m['request']], m['attribute-set'],
                    reply_value=rep[m['reply']] if 'reply' in m else None, ack_only='reply' not in m)
        else:
            spec.not_in_headers.append('%s: %s' % (spec.name, ' / '.join(wanted)))


def _message(spec, g, header, where):
    keys(g, {'fixed-header'}, where, required=('message', 'value', 'attribute-set'))
    spec.op(g['message'], g['value'], g['attribute-set'], g.get('fixed-header'))


def _attribute_set(g, constant):
    """`attribute-set-by-name`: regexes searched in the constant, first match wins; else `attribute-set`
    (without one, a constant no rule matches is left out)."""
    for pattern, aset in (g.get('attribute-set-by-name') or {}).items():
        if re.search(pattern, constant):
            return aset
    return g.get('attribute-set')

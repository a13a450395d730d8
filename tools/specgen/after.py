"""What kernels newer than the UAPI headers added: the `after-headers` section of a family's data.

The headers are the facts the generator reads; a running kernel is often newer (Debian 12 ships
6.1 headers, kernels of 6.18 and 7.x send attributes 6.1 never named). `after-headers` lists
those constants with their numbers, group by group, each group naming the header enum it
continues (or the enum it is, when the headers lack it altogether), the kernel version whose facts
it follows and where the numbers were read:

    after-headers:
      - enum: IFLA_BRPORT_UNSPEC        # any constant of the header enum these continue
        kernel: '7.2'                   # the version the source shows
        source: the kernel's YNL spec rt-link.yaml (7.2.13)
        constants:
          IFLA_BRPORT_MAB: 40           # 6.2
      - defines: 'RTEXT_FILTER_\\w+'    # or #define constants, for a `defines:` definition
        ...

AfterHeaders wraps a HeaderView: an enum or #define lookup returns the header's constants and the
ones the data adds, so every definition, attribute set and operation group that reads the enum
sees the newer kernel's numbering. A constant the headers already have must have the number they
give (else the run fails: the data is wrong); with newer headers such a constant is simply theirs.
"""
import re

from .datacheck import DataError, keys
from .headers import HeaderError, MissingHeader, is_sentinel, version_tuple


class AfterHeaders:
    """A HeaderView plus the constants of a family's `after-headers` groups."""

    GROUP = {'enum', 'defines', 'header', 'kernel', 'source', 'constants'}

    def __init__(self, view, groups, default_header, where):
        self._view = view
        self.read = view.read
        self.family = view.family
        self._enums = []    # (path, a constant of the enum, {name: value}, where)
        self._defines = []  # (path, {name: value})
        self.kernels = []   # every group's kernel version
        self.sources = []   # every group's source, once each, in order
        self.added = set()  # (path, name) the headers lack, that the data supplies
        self._used = set()  # the groups (by where) some lookup consulted
        for i, g in enumerate(groups or []):
            w = '%s[%d]' % (where, i)
            keys(g, self.GROUP, w, required=('kernel', 'source', 'constants'))
            if ('enum' in g) == ('defines' in g):
                raise DataError('%s: a group continues one header enum (enum:) or adds #defines (defines:)' % w)
            consts = g['constants']
            if not isinstance(consts, dict) or not all(isinstance(v, int) for v in consts.values()):
                raise DataError('%s: constants are {NAME: number}' % w)
            try:
                version_tuple(str(g['kernel']))
            except ValueError:
                raise DataError('%s: kernel %r is not a version like \'6.18\'' % (w, g['kernel'])) from None
            path = g.get('header', default_header)
            if 'enum' in g:
                self._enums.append((path, g['enum'], dict(consts), w))
            else:
                pattern = g['defines']
                bad = [n for n in consts if not re.fullmatch(pattern, n)]
                if bad:
                    raise DataError('%s: %s do not match %r' % (w, ', '.join(bad), pattern))
                self._defines.append((path, dict(consts), w))
            self.kernels.append(str(g['kernel']))
            if g['source'] not in self.sources:
                self.sources.append(g['source'])

    def unused(self):
        """The groups no definition, attribute set or operation read: a misnamed enum or header."""
        return [w for _, _, _, w in self._enums if w not in self._used] + \
            [w for _, _, w in self._defines if w not in self._used]

    def kernel(self):
        """The newest kernel version a group follows, or None when the data adds nothing."""
        return max(self.kernels, key=version_tuple) if self.kernels else None

    def __getattr__(self, name):  # text, raw, struct: the headers' own
        return getattr(self._view, name)

    def enum_members(self, path, first):
        groups = [(a, c, w) for p, a, c, w in self._enums if p == path]
        try:
            members = self._view.enum_members(path, first)
        except (HeaderError, MissingHeader) as e:
            own = [(a, c, w) for a, c, w in groups if first in c]
            if not own:
                raise
            # an enum the headers lack altogether (or a header they lack: linux/dpll.h before 6.7):
            # the group is the enum, and a header that is not there is not named as read
            _, consts, w = own[0]
            self._used.add(w)
            if isinstance(e, MissingHeader):
                self.read.discard(path)
            else:
                self.read.add(path)
            for n in consts:
                self.added.add((path, n))
            return sorted(consts.items(), key=lambda nv: nv[1])
        names = {n for n, _ in members}
        ours = [(c, w) for a, c, w in groups if a in names]
        if not ours:
            return members
        have = dict(members)
        out = [(n, v) for n, v in members if not is_sentinel(n, v, members)]
        for consts, w in ours:
            self._used.add(w)
            for n, v in consts.items():
                if n in have:
                    if have[n] != v:
                        raise HeaderError('family %s: %s: %s is %d in %s, the data says %d' % (
                            self.family, w, n, have[n], path, v))
                    continue
                clash = [m for m, mv in out if mv == v and m != n]
                if clash:
                    raise HeaderError('family %s: %s: %s = %d is %s\'s number in %s' % (
                        self.family, w, n, v, clash[0], path))
                out.append((n, v))
                self.added.add((path, n))
        return out

    def defines(self, path, pattern):
        out = self._view.defines(path, pattern)
        have = dict(out)
        for p, consts, w in self._defines:
            if p != path:
                continue
            for n, v in consts.items():
                if not re.fullmatch(pattern, n):
                    continue
                self._used.add(w)
                if n in have:
                    if have[n] != v:
                        raise HeaderError('family %s: after-headers: %s is %d in %s, the data says %d' % (
                            self.family, n, have[n], path, v))
                    continue
                out.append((n, v))
                self.added.add((path, n))
        return out

"""The facts: enums, #define constants and struct layouts read from the kernel UAPI headers.

Only what C says is read here -- numbers, names, member types and sizes. What a header cannot say
(an attribute's payload type, which nest it holds) is the families' data, not this module's.

A header that is not there is an error (MissingHeader), never a family quietly left out. Every
header a family reads is recorded (HeaderView.read) so the generated file can name them.
"""
import os
import re
import subprocess



# Members that Debian 12's point releases of linux-libc-dev name differently (6.1.187 `resvd1`,
# 6.1.192 `weight_high`, the name the kernel has used since 6.12): the spec takes the newer name
# whichever headers the machine has, so --check does not depend on the point release installed.
NEWER_NAMES = {
    ('nexthop_grp', 'resvd1'): 'weight-high',
}

class MissingHeader(Exception):
    """A header a family needs is not under the include directory."""

    def __init__(self, family, path):
        super().__init__('family %s: header %s is missing (install linux-libc-dev, or point --include '
                         'at the headers)' % (family, path))


class HeaderError(Exception):
    """A header does not hold what a family's data says it does (a constant, enum or struct)."""


class Headers:
    """The headers under one include directory, each read and comment-stripped once."""

    def __init__(self, include):
        self.include = include
        self._raw = {}
        self._text = {}
        self._enums = {}

    def view(self, family):
        """A reader for one family: it records which headers that family reads."""
        return HeaderView(self, family)

    def raw(self, family, path):
        if path not in self._raw:
            full = os.path.join(self.include, path)
            try:
                with open(full) as f:
                    self._raw[path] = f.read()
            except FileNotFoundError:
                raise MissingHeader(family, full) from None
        return self._raw[path]

    def text(self, family, path):
        """The header without comments and preprocessor lines: what enums and structs are read from."""
        if path not in self._text:
            text = re.sub(r'/\*.*?\*/', ' ', self.raw(family, path), flags=re.S)
            text = re.sub(r'//[^\n]*', ' ', text)
            text = re.sub(r'^\s*#[^\n]*(\\\n[^\n]*)*', ' ', text, flags=re.M)
            self._text[path] = text
        return self._text[path]

    def enums(self, family, path):
        """[(member names, [(name, value)])] of every enum in the header, in order, read once."""
        if path not in self._enums:
            self._enums[path] = _enums(self.text(family, path))
        return self._enums[path]

    def version(self):
        """'MAJOR.MINOR.x' of these headers, from <linux/version.h>, else (for /usr/include) from
        dpkg's linux-libc-dev.

        Only the series is kept: a stable update of linux-libc-dev (6.1.187 -> 6.1.190) must not make
        every generated file differ when nothing they were read from changed; if a header did change,
        the files themselves differ and --check says so."""
        try:
            text = self.raw('(version)', 'linux/version.h')
        except MissingHeader:
            text = ''
        major = re.search(r'#define\s+LINUX_VERSION_MAJOR\s+(\d+)', text)
        minor = re.search(r'#define\s+LINUX_VERSION_PATCHLEVEL\s+(\d+)', text)
        if major and minor:
            return '%s.%s.x' % (major.group(1), minor.group(1))
        code = re.search(r'#define\s+LINUX_VERSION_CODE\s+(\d+)', text)
        if code:
            c = int(code.group(1))
            return '%d.%d.x' % (c >> 16, (c >> 8) & 0xff)
        system = os.path.abspath(self.include) == '/usr/include'  # where dpkg's linux-libc-dev puts them
        m = re.match(r'(?:\d+:)?(\d+)\.(\d+)', _dpkg_version() if system else '')
        if not m:
            raise HeaderError('cannot tell the headers\' version: no linux/version.h under %s%s' % (
                self.include, ' and no linux-libc-dev package' if system else ''))
        return '%s.%s.x' % (m.group(1), m.group(2))


def _dpkg_version():
    try:
        return subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'linux-libc-dev'],
                              capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ''


def version_tuple(version):
    """(6, 1) for '6.1.x' or '6.1'."""
    return tuple(int(p) for p in version.split('.')[:2])


class HeaderView:
    """The header readers, on behalf of one family (named in errors) and recording what it read."""

    def __init__(self, headers, family):
        self._headers = headers
        self.family = family
        self.read = set()

    def text(self, path):
        self.read.add(path)
        return self._headers.text(self.family, path)

    def raw(self, path):
        self.read.add(path)
        return self._headers.raw(self.family, path)

    def enum_members(self, path, first):
        """The (name, value) pairs of the enum in `path` that has a member named `first`. Members may
        refer to constants of earlier enums in the file (IPSET_ATTR_IP = IPSET_ATTR_UNSPEC + 1)."""
        self.read.add(path)
        for names, members in self._headers.enums(self.family, path):
            if first in names:
                return list(members)
        raise HeaderError('family %s: %s has no enum with %s' % (self.family, path, first))

    def defines(self, path, pattern):
        """(name, value) of `#define NAME VALUE` lines whose name matches `pattern` (a regex), in order."""
        raw = re.sub(r'/\*.*?\*/', ' ', self.raw(path), flags=re.S)
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

    def struct(self, path, name):
        """(members, size, alignment) of `struct name`: YNL struct members in order, C's implicit
        alignment holes (natural alignment, x86-64) made explicit `pad` members as YNL wants them.
        A member that is itself a struct carries '_struct': (path, c name) for the caller to define."""
        text = self.text(path)
        m = re.search(r'struct\s+%s\s*\{' % re.escape(name), text)
        if not m:
            raise HeaderError('family %s: %s has no struct %s' % (self.family, path, name))
        depth, i = 1, m.end()
        while depth:
            depth += {'{': 1, '}': -1}.get(text[i], 0)
            i += 1
        packed = re.match(r'\s*__attribute__\s*\(\(\s*packed', text[i:]) is not None
        members = []  # (member dict, size, align)
        for stmt in text[m.end():i - 1].split(';'):
            stmt = ' '.join(stmt.split())
            if stmt:
                members += self._member(path, name, stmt)
        for member, _, _ in members:
            member['name'] = NEWER_NAMES.get((name, member['name']), member['name'])
        return _laid_out(members, packed)

    def _member(self, path, struct, stmt):
        """[(member dict, size, align)] for one declaration statement of a struct body."""
        sm = re.fullmatch(r'struct (\w+) (\w+)(\[(\w*)\])?', stmt)
        if sm:
            _, size, align = self.struct(path, sm.group(1))
            if not sm.group(3):
                return [({'name': ynl_name(sm.group(2)), 'type': 'binary', 'struct': ynl_name(sm.group(1)),
                          '_struct': (path, sm.group(1))}, size, align)]
            if not sm.group(4):
                return []  # flexible array member: not part of sizeof
            n = int(sm.group(4))
            return [({'name': ynl_name(sm.group(2)), 'type': 'binary', 'len': size * n}, size * n, align)]
        om = re.fullmatch(r'(\w+) (\w+)', stmt)
        if om and om.group(1) in OPAQUE_TYPES:
            size, align = OPAQUE_TYPES[om.group(1)]
            return [({'name': ynl_name(om.group(2)), 'type': 'binary', 'len': size}, size, align)]
        tm = re.fullmatch(r'((?:unsigned |signed )?\w+(?: int| char| short)?)'
                          r'(?: __attribute__\(\(aligned\((\d+)\)\)\))? (.+)', stmt)
        if not tm or tm.group(1) not in C_TYPES:
            raise HeaderError('family %s: %s struct %s: cannot read member %r' % (self.family, path, struct, stmt))
        ctype, width = C_TYPES[tm.group(1)]
        align = int(tm.group(2)) if tm.group(2) else width
        decls = [d.strip() for d in tm.group(3).split(',')]
        if all(':' in d for d in decls):
            names = '-'.join(ynl_name(d.split(':')[0].strip()) for d in decls)
            return [(_scalar(names, ctype), width, align)]
        out = []
        for d in decls:
            am = re.fullmatch(r'(\w+)\s*\[\s*([^\]]*?)\s*\]', d)
            if not am:
                out.append((_scalar(ynl_name(d), ctype), width, align))
            elif am.group(2):  # else a flexible array member: not part of sizeof
                # a number, a #define, or an expression of them (priomap[TC_PRIO_MAX+1])
                n = int(am.group(2)) if am.group(2).isdigit() else _eval(am.group(2), dict(self.defines(path, r'\w+')))
                t = 'string' if tm.group(1) == 'char' else 'binary'
                out.append(({'name': ynl_name(am.group(1)), 'type': t, 'len': n * width}, n * width, align))
        return out


def _enums(text):
    known = {}
    out = []
    for m in re.finditer(r'enum\s*\w*\s*\{(.*?)\}', text, flags=re.S):
        body = m.group(1)
        names = {p.split('=')[0].strip() for p in body.split(',')}
        members = []
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
            members.append((name, val))
        out.append((names, tuple(members)))
    return out


def _laid_out(members, packed):
    """Members with alignment holes as pad members, the struct's size and alignment."""
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
    return out, off, max_align


def _eval(expr, known):
    """The value of a C constant expression over integers and the constants `known` so far."""
    expr = expr.strip()
    e = re.sub(r'\b[A-Za-z_]\w*', lambda m: str(known[m.group(0)]) if m.group(0) in known else m.group(0), expr)
    e = re.sub(r'(\d+)U?L*\b', r'\1', e)
    if not re.fullmatch(r'[0-9xXa-fA-F()<>|+\- ~&*]+', e):
        raise ValueError('cannot evaluate %r' % expr)
    return int(eval(e))


def is_sentinel(name, value, members):
    """An enum's bookkeeping member: __FOO_MAX, or FOO_MAX = __FOO_MAX - 1 (the same value as a real
    member). A real member that happens to end in _MAX (IFLA_BR_MCAST_HASH_MAX) is not one."""
    if name.startswith('__') or name.startswith('NUM_'):
        return True
    if name.endswith('_MAX') or name.endswith('_CNT') and name.startswith('__'):
        return any(v == value and n != name and not n.startswith('__') for n, v in members) \
            or not any(n != name and v == value for n, v in members) and value == max(v for _, v in members)
    return False


def ynl_name(c):
    """IFLA_MTU -> ifla-mtu, ifi_family -> ifi-family."""
    return c.strip('_').lower().replace('_', '-')


C_TYPES = {
    '__u8': ('u8', 1), 'u8': ('u8', 1), 'unsigned char': ('u8', 1), '__s8': ('s8', 1), 'char': ('u8', 1),
    'signed char': ('s8', 1),
    '__u16': ('u16', 2), 'unsigned short': ('u16', 2), '__s16': ('s16', 2), 'short': ('s16', 2),
    '__be16': ('u16 be', 2), '__sum16': ('u16', 2),
    '__u32': ('u32', 4), 'unsigned int': ('u32', 4), 'unsigned': ('u32', 4), '__s32': ('s32', 4), 'int': ('s32', 4),
    '__be32': ('u32 be', 4), '__kernel_pid_t': ('s32', 4), 'uid_t': ('u32', 4), 'gid_t': ('u32', 4),
    '__kernel_uid32_t': ('u32', 4),
    '__u64': ('u64', 8), '__aligned_u64': ('u64', 8), '__s64': ('s64', 8), '__be64': ('u64 be', 8),
    '__aligned_be64': ('u64 be', 8),
}

# typedefs that are unions or arrays: kept as bytes (size, alignment)
OPAQUE_TYPES = {'xfrm_address_t': (16, 4)}


def _scalar(name, ctype):
    parts = ctype.split()
    d = {'name': name, 'type': parts[0]}
    if 'be' in parts:
        d['byte-order'] = 'big-endian'
    return d

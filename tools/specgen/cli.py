"""tools/gen_specs.py: write the built-in specs, or --check that the committed ones are current.

Every family is built in memory before anything is written: a missing header or a data error in
one family fails the run (exit 1, the family and the header named) and leaves the spec directory
as it was.
"""
import argparse
import difflib
import os
import sys
import tempfile

import yaml

from .emit import index_text, spec_text
from .family import ROOT, DataError, Family, family_files, load, shared_snippets
from .headers import HeaderError, Headers, MissingHeader, version_tuple

DEFAULT_OUT = os.path.join(ROOT, 'decoder', 'src', 'main', 'resources', 'org', 'nlwb', 'specs')


def main(argv=None):
    ap = argparse.ArgumentParser(prog='gen_specs.py', description='Writes nlwb\'s built-in YNL specs from the '
                                 'kernel UAPI headers and the family data in tools/specgen/families.')
    ap.add_argument('--include', default='/usr/include', help='the UAPI headers (default: /usr/include)')
    ap.add_argument('--out', default=DEFAULT_OUT, help='the spec directory (default: the decoder\'s built-in specs)')
    ap.add_argument('--check', action='store_true',
                    help='write nothing; exit 1 and print a diff for every file that differs from what it would be')
    ap.add_argument('only', nargs='*', help='family names (default: all, and INDEX)')
    args = ap.parse_args(argv)
    files = family_files()
    unknown = [n for n in args.only if n not in files]
    if unknown:
        print('gen_specs: no family data for %s (known: %s)' % (', '.join(unknown), ', '.join(files)), file=sys.stderr)
        return 2
    try:
        texts, notes, failures = generate(Headers(args.include), {n: files[n] for n in (args.only or files)})
    except HeaderError as e:  # the headers' version cannot be told
        failures = [e]
    if failures:
        for e in failures:
            print('gen_specs: %s' % e, file=sys.stderr)
        print('gen_specs: nothing written', file=sys.stderr)
        return 1
    if not args.only:
        texts['INDEX'] = index_text(n[:-len('.yaml')] for n in texts)
    if args.check:
        return check(texts, args.out, complete=not args.only)
    for name in write(texts, args.out):
        print('wrote', name, file=sys.stderr)
    for n in notes:
        print(n, file=sys.stderr)
    return 0


def generate(headers, files):
    """{file name: text} of the families in `files` (name -> data file), notes for stderr, and the
    error of every family that could not be built (all are tried, so all are reported at once)."""
    version = headers.version()
    shared = shared_snippets()
    texts, notes, failures = {}, [], []
    for name, path in files.items():
        try:
            family = Family(*load(path), shared)
            if family.needs and version_tuple(version) < version_tuple(family.needs):
                notes.append('left out: %s needs Linux %s UAPI headers, these are %s' % (name, family.needs, version))
                continue
            spec = family.build(headers.view(name))
        except (MissingHeader, HeaderError, DataError, yaml.YAMLError) as e:
            failures.append(e)
            continue
        texts[spec.name + '.yaml'] = spec_text(spec, version, family.where)
        notes += ['untyped (binary): ' + u for u in spec.untyped]
        notes += ['not in these headers (left out): ' + u for u in spec.not_in_headers]
    return texts, notes, failures


def write(texts, out):
    os.makedirs(out, exist_ok=True)
    for name, text in texts.items():
        path = os.path.join(out, name)
        with open(path, 'w') as f:
            f.write(text)
        yield path


def check(texts, out, complete):
    """Regenerates into a temporary directory and compares it with `out`: 0 when equal, else 1 with
    a unified diff per file. `complete`: `out` must hold no spec file the families do not write."""
    stale = sorted(f for f in os.listdir(out) if f.endswith('.yaml') and f not in texts) if complete else []
    with tempfile.TemporaryDirectory(prefix='nlwb-specs-') as tmp:
        list(write(texts, tmp))
        names = sorted(set(texts) | set(stale))
        differ = [n for n in names if _diff(os.path.join(out, n), os.path.join(tmp, n), n)]
    rel = os.path.relpath(out)
    for name in stale:
        print('gen_specs --check: %s/%s is written by no family in tools/specgen/families: remove it, or add '
              'its family\'s data' % (rel, name), file=sys.stderr)
    if differ:
        print('gen_specs --check: %d of %d files in %s differ from what the headers and the family data give; '
              'run tools/gen_specs.py and commit the result' % (len(differ), len(names), rel), file=sys.stderr)
        return 1
    print('gen_specs --check: the %d file%s in %s are what the headers and the family data give'
          % (len(names), '' if len(names) == 1 else 's', rel), file=sys.stderr)
    return 0


def _diff(committed, generated, name):
    """Prints a unified diff of the two files; True when they differ."""
    have, want = _lines(committed), _lines(generated)
    if have == want:
        return False
    sys.stdout.writelines(difflib.unified_diff(have, want, 'committed/' + name, 'generated/' + name))
    return True


def _lines(path):
    """The file's lines, or none when it is not there (diffed as all added or all removed)."""
    try:
        with open(path) as f:
            return f.readlines()
    except FileNotFoundError:
        return []

#!/usr/bin/env python3
"""Writes nlwb's built-in YNL specs (decoder/src/main/resources/org/nlwb/specs) from the kernel UAPI
headers and the per-family data in tools/specgen/families; tools/specgen/README.md says how.

    tools/gen_specs.py                  all families, and INDEX
    tools/gen_specs.py rt-link tc       some
    tools/gen_specs.py --check          write nothing; exit 1 with a diff if the committed files differ
    tools/gen_specs.py --include DIR    headers other than /usr/include's
"""
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from specgen.cli import main  # noqa: E402

if __name__ == '__main__':
    sys.exit(main())

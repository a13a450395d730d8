"""nlwb's spec generator: YNL specs from the kernel UAPI headers plus per-family data.

headers.py reads the C headers (enums, #defines, struct layouts, the header version); spec.py
assembles one YNL document; family.py turns a family's data file (families/*.yaml) into calls on
spec.py; emit.py writes the YAML; cli.py writes or checks the spec directory. README.md says how
to add a family.
"""

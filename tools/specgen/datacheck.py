"""Checks on the families' data files: a key the generator does not know is an error, not ignored."""


class DataError(Exception):
    """A family's data file is not what the generator understands."""


def keys(e, allowed, where, required=()):
    """Raises DataError unless `e` is a mapping whose keys are all in `allowed` (or `required`) and
    that has every key in `required`."""
    if not isinstance(e, dict):
        raise DataError('%s: expected a mapping, found %r' % (where, e))
    allowed = set(allowed) | set(required)
    missing = [k for k in required if k not in e]
    if missing:
        raise DataError('%s: %s missing' % (where, ', '.join(missing)))
    unknown = sorted(set(map(str, e)) - set(allowed))
    if unknown:
        raise DataError('%s: unknown key%s %s (known: %s)' % (
            where, 's' if len(unknown) > 1 else '', ', '.join(unknown), ', '.join(sorted(allowed))))

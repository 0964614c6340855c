"""PHP's serialize() format, read (never written) without running anything (#21).

WordPress stores array post meta serialized, and a WXR export carries the
database string as it is: `a:1:{i:0;a:1:{s:2:"id";s:3:"101";}}`. Only the
plain types are read; an object (`O:`/`C:`) or a reference is refused, so a
hostile export cannot make the reader build anything. Lengths of `s:` are
counted in UTF-8 bytes, as PHP counts them. Pure Python, no Django.
"""

import re

_NUMBER = re.compile(rb"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|-?INF|NAN")
MAX_DEPTH = 32


class PHPValueError(ValueError):
    """The text is not a serialized value this reader accepts."""


def looks_serialized(text):
    """True when the text starts like a serialized array or scalar.

    >>> looks_serialized('a:1:{i:0;s:6:"خبر";}')
    True
    >>> looks_serialized("خبر عاجل")
    False
    """
    return bool(re.match(r"^(?:a:\d+:\{|s:\d+:\"|i:-?\d+;|b:[01];|d:|N;)", text or ""))


def unserialize(text):
    """The Python value of a serialized PHP value: dict for arrays, str, int,
    float, bool or None. Raises PHPValueError on anything else.

    >>> unserialize('a:2:{i:1;s:6:"خبر";i:2;s:4:"test";}')
    {1: 'خبر', 2: 'test'}
    """
    data = (text or "").strip().encode("utf-8")
    value, end = _value(data, 0, 0)
    if end != len(data):
        raise PHPValueError(f"trailing data at byte {end}")
    return value


def as_list(value):
    """An array's values in key order, whether its keys start at 0 or 1.

    >>> as_list({1: "أ", 2: "ب"})
    ['أ', 'ب']
    >>> as_list({0: "أ"})
    ['أ']
    """
    if not isinstance(value, dict):
        return []
    numbered = sorted(k for k in value if isinstance(k, int))
    others = [k for k in value if not isinstance(k, int)]
    return [value[k] for k in numbered] + [value[k] for k in others]


def _expect(data, pos, token):
    if data[pos : pos + len(token)] != token:
        raise PHPValueError(f"expected {token.decode()!r} at byte {pos}")
    return pos + len(token)


def _until(data, pos, stop):
    end = data.find(stop, pos)
    if end < 0:
        raise PHPValueError(f"unterminated value at byte {pos}")
    return data[pos:end], end + 1


def _value(data, pos, depth):
    if depth > MAX_DEPTH:
        raise PHPValueError("arrays nested too deep")
    kind = data[pos : pos + 2]
    if kind == b"N;":
        return None, pos + 2
    if kind == b"b:":
        raw, pos = _until(data, pos + 2, b";")
        if raw not in (b"0", b"1"):
            raise PHPValueError(f"bad boolean at byte {pos}")
        return raw == b"1", pos
    if kind == b"i:":
        raw, end = _until(data, pos + 2, b";")
        if not re.fullmatch(rb"-?\d+", raw):
            raise PHPValueError(f"bad integer at byte {pos}")
        return int(raw), end
    if kind == b"d:":
        raw, end = _until(data, pos + 2, b";")
        if not _NUMBER.fullmatch(raw):
            raise PHPValueError(f"bad number at byte {pos}")
        return float(raw.replace(b"INF", b"inf").replace(b"NAN", b"nan")), end
    if kind == b"s:":
        raw, start = _until(data, pos + 2, b":")
        if not raw.isdigit():
            raise PHPValueError(f"bad string length at byte {pos}")
        start = _expect(data, start, b'"')
        end = start + int(raw)
        if end > len(data):
            raise PHPValueError(f"string runs past the end at byte {pos}")
        try:
            text = data[start:end].decode("utf-8")
        except UnicodeDecodeError as error:
            raise PHPValueError(f"string length off at byte {pos}") from error
        return text, _expect(data, end, b'";')
    if kind == b"a:":
        raw, pos = _until(data, pos + 2, b":")
        if not raw.isdigit():
            raise PHPValueError(f"bad array size at byte {pos}")
        pos = _expect(data, pos, b"{")
        items = {}
        for _ in range(int(raw)):
            key, pos = _value(data, pos, depth + 1)
            if not isinstance(key, int | str) or isinstance(key, bool):
                raise PHPValueError(f"bad array key at byte {pos}")
            items[key], pos = _value(data, pos, depth + 1)
        return items, _expect(data, pos, b"}")
    raise PHPValueError(f"unsupported value {kind.decode(errors='replace')!r}")

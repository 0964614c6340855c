"""The export as the XML parser reads it, with any one over-long text cut.

ElementTree gathers an element's whole text before it hands the element
over, so a 200 MB post was 200 MB of text held twice, then converted: an
import took 6.3 GB (#17). This wrapper sits between the file and the parser
and stops passing a CDATA section or a run of text once it is longer than
the limit: the parser sees the first ``limit`` bytes and OVERSIZE_MARK, the
rest is read and dropped. The reader refuses the item whose text carries
the mark, so a cut text is never imported as if it were whole.

It looks only for ``<![CDATA[``, ``]]>`` and ``<`` in each chunk, so it
costs a few byte searches per 16 KB read. A comment that contains a literal
``<![CDATA[`` can fool it; the worst that does is a refusal of that file.
"""

from typing import BinaryIO

# Valid XML text that no editor types: two private-use characters around it.
OVERSIZE_MARK = "\ue000nashra: text over the size limit\ue000"
_MARK = OVERSIZE_MARK.encode()
_OPEN, _CLOSE = b"<![CDATA[", b"]]>"
# The cut is found per chunk: a limit below a chunk's size could hide one.
SMALLEST_LIMIT = 1 << 20


def _partial_token(buf: bytes) -> int:
    """Length of the end of buf that may be the start of a token, held back
    so that every token is seen whole in one chunk."""
    for token in (_OPEN, _CLOSE):
        for size in range(len(token) - 1, 0, -1):
            if buf.endswith(token[:size]):
                return size
    return 0


class BoundedText:
    """A binary file-like object for the parser; ``consumed`` counts the
    source's bytes and ``cuts`` the texts cut so far."""

    def __init__(self, handle: BinaryIO, limit: int):
        self.handle = handle
        self.limit = max(limit, SMALLEST_LIMIT)
        self.consumed = 0
        self.cuts = 0
        self._carry = b""
        self._in_cdata = False
        self._dropping = False
        # Source offset where the current text or CDATA section began.
        self._start = 0

    def read(self, size: int = -1) -> bytes:
        while True:
            data = self.handle.read(size)
            end_of_file = not data
            buf = self._carry + data
            base = self.consumed - len(self._carry)
            self.consumed += len(data)
            upto = len(buf) - (0 if end_of_file else _partial_token(buf))
            self._carry = buf[upto:]
            buf = buf[:upto]
            out = self._quick(buf, base)
            if out is None:
                out = self._pass(buf, base)
            if out or end_of_file:
                return out

    def _quick(self, buf: bytes, base: int) -> bytes | None:
        """The chunk whole, with the state at its end, when no text in it
        is over the limit; None when one may be (then _pass cuts it).

        A chunk is shorter than the limit, so only a text begun before it
        can be too long: the one open at its start, or at its end. "]]>"
        cannot appear in XML text, so the last one closes a CDATA section,
        and a "<![CDATA[" after it opens one.
        """
        if self._dropping:
            return None
        first = buf.find(_CLOSE if self._in_cdata else b"<")
        if base + (first if first >= 0 else len(buf)) - self._start > self.limit:
            return None
        close, opening = buf.rfind(_CLOSE), buf.rfind(_OPEN)
        if opening > close:
            self._in_cdata, self._start = True, base + opening + len(_OPEN)
        elif close >= 0:
            self._in_cdata = False
            lt = buf.rfind(b"<", close)
            self._start = base + (lt if lt >= 0 else close + len(_CLOSE))
        elif not self._in_cdata:
            lt = buf.rfind(b"<")
            if lt >= 0:
                self._start = base + lt
        return buf

    def _pass(self, buf: bytes, base: int) -> bytes:
        out, i, upto = [], 0, len(buf)
        while i < upto:
            if self._in_cdata:
                i = self._cdata(buf, i, upto, base, out)
            else:
                i = self._text(buf, i, upto, base, out)
        return b"".join(out)

    def _cdata(self, buf, i, upto, base, out) -> int:
        close = buf.find(_CLOSE, i)
        stop = close if close >= 0 else upto
        if self._dropping:
            if close < 0:
                return upto
            self._dropping = False
        else:
            cut = self._start + self.limit - base
            if cut < stop:
                cut = _char_start(buf, max(cut, i), i)
                out.append(buf[i:cut])
                self._cut(out)
                return cut
            out.append(buf[i:stop])
            if stop == upto:
                return upto
        self._in_cdata = False
        out.append(_CLOSE)
        self._start = base + close + len(_CLOSE)
        return close + len(_CLOSE)

    def _text(self, buf, i, upto, base, out) -> int:
        opening = buf.find(_OPEN, i)
        stop = opening if opening >= 0 else upto
        if self._dropping:
            # An opening CDATA starts with "<": lt is found whenever it is.
            lt = buf.find(b"<", i, stop + 1)
            if lt < 0:
                return upto
            self._dropping = False
            self._start = base + lt
            i = lt
        first_lt = buf.find(b"<", i, stop)
        cut = self._start + self.limit - base
        if cut < (first_lt if first_lt >= 0 else stop):
            cut = _safe_text_cut(buf, max(cut, i), i, stop)
            out.append(buf[i:cut])
            self._cut(out)
            return cut
        last_lt = buf.rfind(b"<", i, stop)
        if last_lt >= 0:
            self._start = base + last_lt
        if stop == opening:
            out.append(buf[i : opening + len(_OPEN)])
            self._in_cdata = True
            self._start = base + opening + len(_OPEN)
            return opening + len(_OPEN)
        out.append(buf[i:stop])
        return stop

    def _cut(self, out: list) -> None:
        out.append(_MARK)
        self.cuts += 1
        self._dropping = True


def _char_start(buf: bytes, cut: int, floor: int) -> int:
    """The cut moved back off UTF-8 continuation bytes."""
    while cut > floor and 0x80 <= buf[cut] < 0xC0:
        cut -= 1
    return cut


def _safe_text_cut(buf: bytes, cut: int, floor: int, stop: int) -> int:
    """A cut in escaped text, off a character's bytes and an entity's."""
    cut = _char_start(buf, cut, floor)
    amp = buf.rfind(b"&", max(floor, cut - 12), cut)
    if amp >= 0 and buf.find(b";", amp, cut) < 0:
        cut = amp
    return cut

"""Bidirectional isolation of Latin runs inside Arabic text, and the reverse.

Without isolation the Unicode bidi algorithm lets neutral characters next to
a Latin name or a number join the wrong run, so in "ارتفع سهم Apple 3.5%."
the full stop or the percent sign can jump to the wrong side. Wrapping each
foreign run in <bdi> fixes the order in every browser (#2).
"""

import html
import re

# Letters of the Latin script (basic and extended) and ASCII digits.
_LATIN = r"A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF"
# Neutrals allowed *inside* a run, joining "Sahm 2.0", "2-1", "COP 30".
_JOINERS = r" .,:/%+\-_'&@#"
_LTR_RUN = re.compile(rf"[{_LATIN}](?:[{_LATIN}{_JOINERS}]*[{_LATIN}%])?")

_ARABIC = r"\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
_RTL_RUN = re.compile(rf"[{_ARABIC}](?:[{_ARABIC} \u200C\u200D]*[{_ARABIC}])?")

_TAG = re.compile(r"(<[^>]*>)")
_SKIP_INSIDE = {"code", "pre", "script", "style", "bdi"}


def isolate_segments(text, base="rtl"):
    """Split text into (segment, isolate?) pairs for a page of direction `base`.

    >>> isolate_segments("ارتفع سهم Apple بنسبة 3.5%")
    [('ارتفع سهم ', False), ('Apple', True), (' بنسبة ', False), ('3.5%', True)]
    """
    pattern = _LTR_RUN if base == "rtl" else _RTL_RUN
    segments = []
    position = 0
    for match in pattern.finditer(text or ""):
        if match.start() > position:
            segments.append((text[position : match.start()], False))
        segments.append((match.group(), True))
        position = match.end()
    if position < len(text or ""):
        segments.append((text[position:], False))
    return segments


def isolate_text(text, base="rtl"):
    """Escape plain text for HTML, wrapping foreign runs in <bdi>.

    >>> isolate_text("قمة COP30 في <المدينة>")
    'قمة <bdi>COP30</bdi> في &lt;المدينة&gt;'
    """
    return "".join(
        f"<bdi>{html.escape(part, quote=False)}</bdi>"
        if isolated
        else html.escape(part, quote=False)
        for part, isolated in isolate_segments(text, base)
    )


def isolate_html(markup, base="rtl"):
    """Isolate foreign runs in the text nodes of trusted HTML, leaving tags alone.

    >>> isolate_html("<p>منصة <b>Sahm 2.0</b> الجديدة</p>")
    '<p>منصة <b><bdi>Sahm 2.0</bdi></b> الجديدة</p>'
    """
    out = []
    skipping = []
    for piece in _TAG.split(markup or ""):
        if piece.startswith("<"):
            name = piece.strip("</>").split()[0].lower() if piece.strip("</>") else ""
            if name in _SKIP_INSIDE and not piece.endswith("/>"):
                if piece.startswith("</"):
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                else:
                    skipping.append(name)
            out.append(piece)
        elif skipping or not piece:
            out.append(piece)
        else:
            out.append(isolate_text(html.unescape(piece), base))
    return "".join(out)

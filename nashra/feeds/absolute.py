"""Make the site-relative links of rendered HTML absolute, for feed readers.

A feed reader shows an article away from the site, so `/tag/x/` or
`/media/a.jpg` in the body would point at the reader's own host. Pure string
work (no Django), so it can run on every item without a parser.
"""

import re

# href="/..." or src="/..." but not protocol-relative "//host/...".
_SINGLE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def _srcset(root, value):
    candidates = []
    for candidate in value.split(","):
        candidate = candidate.strip()
        if candidate.startswith("/") and not candidate.startswith("//"):
            candidate = root + candidate
        candidates.append(candidate)
    return ", ".join(candidates)


def absolutise(html, root):
    """`html` with its root-relative links prefixed by `root` (no trailing slash).

    >>> absolutise('<a href="/tag/روسيا/">روسيا</a>', "https://nashra.example")
    '<a href="https://nashra.example/tag/روسيا/">روسيا</a>'
    """
    html = _SINGLE.sub(lambda m: f'{m[1]}{root}{m[2]}"', html)
    return _SRCSET.sub(lambda m: f'{m[1]}{_srcset(root, m[2])}"', html)

"""Find the English an Arabic editor would read on an admin screen (#12).

Shared by the test-client walk (HTML as the server sends it) and the
browser walk (strings that only exist after JavaScript runs): both hand
over strings, and `untranslated` keeps those with a Latin word that is not
a name, a URL, a code or a format token.
"""

import re

from lxml import html as lxml_html

# Attributes a person reads or hears (tooltips, screen readers, empty fields).
READ_ATTRIBUTES = (
    "title",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "placeholder",
    "alt",
    "label",
    "data-w-tooltip-content-value",
)
# Text inside these is code, data or a user's own input, not interface; an
# iframe's text is fallback markup no browser shows.
SKIP_TAGS = {
    "script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "iframe"
}  # fmt: skip
BUTTON_INPUTS = {"submit", "button", "reset"}

# Removed before looking for words: URLs, e-mail addresses, paths, file
# names, model labels (articles.articlepage), format tokens (%(name)s, {0},
# %s), sizes (64x36) and units after a digit (12 px).
NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\S+|(?<!\w)/\S*|\b[\w-]+\.[a-z]{2,4}\b"
    r"|\b[a-z_]+\.[a-z_]+\b|%\(\w+\)[sdif]|%[sdif]|\{\w*\}|\b\d+x\d+\b"
    r"|\d+\s?(?:px|em|rem|KB|MB|GB|ms|s)\b|#[0-9a-fA-F]{3,8}\b"
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")

# Latin words an Arabic newsroom writes in Latin too, and why.
ALLOWED = {
    # Product and brand names, shown as their owners write them.
    "Wagtail",
    "Nashra",
    "WordPress",
    "Gravatar",
    "Chromium",
    "Unsplash",
    "JavaScript",
    "Google",
    # Podcast directories the podcast admin names (#20).
    "Apple",
    "Podcasts",
    "Spotify",
    # Social networks on the theme's "social profiles" menu.
    "Facebook",
    "Instagram",
    "LinkedIn",
    "Telegram",
    "TikTok",
    "WhatsApp",
    "YouTube",
    "X",
    # Typefaces Nashra ships, named by their foundries.
    "Amiri",
    "IBM",
    "Plex",
    "Sans",
    "Arabic",
    # A language picker names each language in itself (English, not الإنجليزية).
    "English",
    # File formats and protocols, written in Latin in Arabic technical text.
    "CSV",
    "PDF",
    "JPEG",
    "JPG",
    "PNG",
    "GIF",
    "WebP",
    "WEBP",
    "TSV",
    "AVIF",
    "SVG",
    "HEIC",
    "XLSX",
    "DOCX",
    "ODT",
    "PPTX",
    "TXT",
    "ZIP",
    "RSS",
    "Atom",
    "HTML",
    "URL",
    "API",
    "ID",
    "UUID",
    "GUID",
    "MIME",
    "MP",  # of MP3: LATIN_WORD stops at the digit
    "WAV",
    "IP",
    "JSON",
    "WCAG",
    "AA",
    "AAA",
    # Keyboard keys named on shortcut hints.
    "Ctrl",
    "Cmd",
    "Shift",
    "Alt",
    "Enter",
    "Esc",
}


# Whole strings Wagtail 8 writes into its templates without gettext, so no
# catalogue can translate them (only copies of Wagtail's templates could):
# the screen-reader-only search button of wagtailadmin/home.html and
# shared/header.html, the aria-label of shared/headers/_actions.html, and
# the icon titles of tables/boolean_cell.html (value|stringformat:'s').
WAGTAIL_HARDCODED = {"Search", "Actions", "True", "False"}


def untranslated(strings, allowed=()):
    """The strings holding a Latin word that is neither allowed nor a token.

    >>> untranslated(["كلمة المرور", "Password", "تقديم إلى Moderators approval"])
    ['Password', 'تقديم إلى Moderators approval']
    """
    allow = ALLOWED | set(allowed)
    found = []
    for text in strings:
        text = " ".join(text.split())
        if text in WAGTAIL_HARDCODED:
            continue
        words = LATIN_WORD.findall(NOT_WORDS.sub(" ", text))
        if any(word not in allow for word in words) and text not in found:
            found.append(text)
    return found


def screen_strings(markup):
    """Visible text nodes and read attributes of an HTML page, in order.

    >>> screen_strings('<p title="عنوان">نص <code>x</code></p>')
    ['عنوان', 'نص']
    """
    tree = lxml_html.fromstring(markup)
    strings = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if _skipped(element):
            continue
        for name in READ_ATTRIBUTES:
            if element.get(name):
                strings.append(element.get(name))
        if element.tag == "input" and element.get("type") in BUTTON_INPUTS:
            strings.append(element.get("value") or "")
        if element.tag == "option" and element.text == element.get("value"):
            continue  # a code shown as itself: time zones (Asia/Riyadh, UTC)
        if element.text and element.text.strip():
            strings.append(element.text.strip())
        for child in element:
            if child.tail and child.tail.strip() and not _skipped(element):
                strings.append(child.tail.strip())
    return [text for text in strings if text.strip()]


def _skipped(element):
    """Code and data, and `hidden` elements: JavaScript fills those before it
    shows them (a counter reads "None" until then), so the browser walk
    reads them once shown."""
    return any(
        node.tag in SKIP_TAGS or node.get("hidden") is not None
        for node in (element, *element.iterancestors())
        if isinstance(node.tag, str)
    )

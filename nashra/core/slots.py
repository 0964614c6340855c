"""Slots a template offers for other apps to fill (#13).

A lower app's template must not load a higher app's tags: the article page
does not know comments exist. It offers a named slot (``{% slot "name" %}``
from nashra_tags) and the higher app, in ``AppConfig.ready()``, registers
the template that fills it, which renders with the slot's context as
``{% include %}`` would.
"""

_fillers = {}


def fill(slot, template_name):
    """Render ``template_name`` wherever a template offers ``slot``."""
    names = _fillers.setdefault(slot, [])
    if template_name not in names:
        names.append(template_name)


def filling(slot):
    """The template names filling ``slot``, in the order they were registered."""
    return _fillers.get(slot, ())


# Functions that rewrite a piece of HTML a lower app renders, for a higher app
# that must place something inside it: the ads app puts a slot after the
# body's Nth paragraph without the article app knowing ads exist (#20).
_rewriters = {}


def rewrite(slot, function):
    """Pass the HTML of ``slot`` through ``function(context, html)``."""
    found = _rewriters.setdefault(slot, [])
    if function not in found:
        found.append(function)


def rewritten(slot, context, html):
    """``html`` after every function registered for ``slot``."""
    for function in _rewriters.get(slot, ()):
        html = function(context, html)
    return html

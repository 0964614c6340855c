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

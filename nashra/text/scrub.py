"""What a log line or an error report must never carry (#17): e-mail
addresses and full IP addresses. Pure Python.

An address keeps its network, as comments keep it (the last IPv4 octet and
the last 80 IPv6 bits go); an e-mail address becomes ``[email]``.
"""

import ipaddress
import re

EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
# Loose on purpose: anything with two or more colons between hex groups;
# ipaddress decides whether it is one.
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")


def truncate_ip(text):
    """The network of an address (``203.0.113.0`` for ``203.0.113.7``), or
    None when ``text`` is not one."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    prefix = 24 if address.version == 4 else 48
    return str(
        ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address
    )


def _address(match):
    return truncate_ip(match.group(0)) or match.group(0)


def scrub(text):
    """``text`` with e-mail addresses masked and IP addresses truncated."""
    if not text:
        return text
    if "@" in text:
        text = EMAIL.sub("[email]", text)
    if "." in text:
        text = IPV4.sub(_address, text)
    if "::" in text or text.count(":") >= 2:
        text = IPV6.sub(_address, text)
    return text


def scrub_event(event):
    """An error report (a dict of Sentry's) with every string scrubbed."""
    if isinstance(event, str):
        return scrub(event)
    if isinstance(event, dict):
        return {key: scrub_event(value) for key, value in event.items()}
    if isinstance(event, (list, tuple)):
        return [scrub_event(value) for value in event]
    return event

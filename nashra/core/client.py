"""The reader's address, as the one place every caller asks for it (#13, #17).

Comments store it and django-axes locks logins by it
(``AXES_CLIENT_IP_CALLABLE``): if the two disagreed, a lock-out behind the
proxy would key on the proxy's address and lock every admin out at once.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    # Behind the proxy (NASHRA_BEHIND_PROXY, which sets SECURE_PROXY_SSL_HEADER)
    # the last X-Forwarded-For hop is the one it added; the earlier ones are
    # whatever the client claimed. Without it the header is never read, so no
    # client can choose its own address.
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            hop = forwarded.split(",")[-1].strip()
            # "junk" reached a GenericIPAddressField, which PostgreSQL's
            # inet column refuses with a 500 (#13).
            if _is_address(hop):
                return hop
    return request.META.get("REMOTE_ADDR") or None


def _is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True

"""The admin's second door: no staff screen before the second factor (#14).

After the password, a staff member with an authenticator is sent to the
code step, and one who must use two-factor sign-in but has not enrolled is
sent to enrolment; until then every other admin address answers with that
redirect (or 403 for scripts), so nothing in the admin is reachable on a
password alone. Staff for whom it is optional and who never enrolled pass.
"""

from urllib.parse import urlencode

from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.urls import reverse

from nashra.newsroom import twofactor

# Reachable between the password and the code: signing in and out, the
# password reset, the admin's translations script and icon sprite (which
# the two steps' own pages load), and the two steps themselves (which
# check the user's state again).
OPEN = (
    "login/",
    "logout/",
    "password_reset/",
    "jsi18n/",
    "sprite/",
    "two-factor/verify/",
    "two-factor/setup/",
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.gate(request) or self.get_response(request)

    def gate(self, request):
        admin = reverse("wagtailadmin_home")
        if not request.path.startswith(admin):
            return None
        rest = request.path[len(admin) :]
        if rest.startswith(OPEN):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if twofactor.authenticator(user) is not None:
            step = "newsroom_2fa_verify"
        elif twofactor.required_for(user):
            step = "newsroom_2fa_setup"
        else:
            return None
        if request.method != "GET" or request.headers.get("x-requested-with"):
            return HttpResponseForbidden()
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(step)}?{query}")

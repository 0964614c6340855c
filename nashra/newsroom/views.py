"""The two-factor screens in the admin: enrol, sign in, recovery codes (#14)."""

import django_otp
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from nashra.newsroom import twofactor
from nashra.newsroom.forms import CodeForm


def _next(request):
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("wagtailadmin_home")


def _signed_in(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
    return None


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """After the password: a code from the app, or a recovery code."""
    if refused := _signed_in(request):
        return refused
    if request.user.is_verified() or twofactor.authenticator(request.user) is None:
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = twofactor.verify(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            request.session.cycle_key()
            return redirect(_next(request))
        form.add_error("code", _("This code is wrong or already used."))
    return TemplateResponse(
        request,
        "newsroom/two_factor/verify.html",
        {"form": form, "next": _next(request)},
    )


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Enrolment: scan the code, type the first six digits, keep the recovery codes."""
    if refused := _signed_in(request):
        return refused
    user = request.user
    if twofactor.authenticator(user) is not None and not user.is_verified():
        # A password alone never replaces the device that guards it.
        return redirect(f"{reverse('newsroom_2fa_verify')}?next={request.path}")
    device = twofactor.pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        code = twofactor.normalise(form.cleaned_data["code"])
        if code.isdigit() and device.verify_token(code):
            twofactor.confirm(device)
            django_otp.login(request, device)
            request.session.cycle_key()
            codes = twofactor.new_recovery_codes(user)
            return TemplateResponse(
                request,
                "newsroom/two_factor/codes.html",
                {"codes": codes, "next": _next(request)},
            )
        form.add_error("code", _("This code is wrong or already used."))
    return TemplateResponse(
        request,
        "newsroom/two_factor/setup.html",
        {
            "form": form,
            "qr": twofactor.qr_svg(device),
            "secret": twofactor.secret_text(device),
            "next": _next(request),
            "required": twofactor.required_for(user),
            "enrolled": twofactor.authenticator(user) is not None,
        },
    )


@never_cache
def recovery_codes(request):
    """New recovery codes (POST): the old ones stop working."""
    if request.method != "POST":
        return redirect("newsroom_2fa_setup")
    if twofactor.authenticator(request.user) is None:
        return redirect("newsroom_2fa_setup")
    codes = twofactor.new_recovery_codes(request.user)
    return TemplateResponse(
        request,
        "newsroom/two_factor/codes.html",
        {"codes": codes, "next": reverse("wagtailadmin_home")},
    )


@never_cache
def turn_off(request):
    """Staff for whom it is optional may stop using a second factor (POST)."""
    if request.method == "POST" and not twofactor.required_for(request.user):
        twofactor.remove(request.user)
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("wagtailadmin_account")

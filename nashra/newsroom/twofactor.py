"""Two-factor sign-in for staff: who must, and the devices (#14).

A staff member signs in with a password, then a six-digit code from an
authenticator app (TOTP, RFC 6238) or one of ten single-use recovery codes.
django-otp keeps the devices: a TOTP code is accepted once (the device
remembers the last time step it took, so a code seen over a shoulder cannot
be replayed) and failures slow further tries down. `NASHRA_2FA_REQUIRED`
says who may not skip it: `chief-editor` (the default: the chief editor's
role and superusers, who can do everything), `all` staff, or `none`.
"""

import secrets

import segno
from django.conf import settings
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from nashra.newsroom.models import Role, RoleKey

RECOVERY_CODES = 10
REQUIRED_CHOICES = ("chief-editor", "all", "none")


def is_staff(user):
    return user.is_active and (
        user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


def required_for(user):
    """Whether `user` must sign in with a second factor."""
    policy = settings.NASHRA_2FA_REQUIRED
    if policy == "none" or not is_staff(user):
        return False
    if policy == "all" or user.is_superuser:
        return True
    chief = Role.objects.filter(key=RoleKey.CHIEF_EDITOR, section=None)
    return user.groups.filter(pk__in=chief.values("group_id")).exists()


def authenticator(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_authenticator(user):
    """An unconfirmed device for enrolment, the same one across reloads."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name="authenticator", confirmed=False
        )
    return device


def qr_svg(device):
    """The otpauth:// address as an inline SVG: no image host sees the secret."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", omitsize=False
    )


def secret_text(device):
    """The key in base32 groups of four, to type into an app by hand."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def new_recovery_codes(user):
    """Ten fresh single-use codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [
        "-".join(secrets.token_hex(2) for _ in range(2)) for _ in range(RECOVERY_CODES)
    ]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def normalise(code):
    """What the user typed, as the devices store it: digits or xxxx-xxxx."""
    return "".join(code.split()).lower()


def verify(user, code):
    """The device that accepts `code` (TOTP first, then recovery), or None."""
    code = normalise(code)
    if not code:
        return None
    totp = authenticator(user)
    if code.isdigit():
        return totp if totp is not None and totp.verify_token(code) else None
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return recovery if recovery is not None and recovery.verify_token(code) else None


def confirm(device):
    """The first good code turns enrolment into a working device."""
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def remove(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()

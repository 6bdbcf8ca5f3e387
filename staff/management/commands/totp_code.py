"""Print the code a staff member's authenticator app shows now: for demo and development logins only."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Print the current 6-digit code of a staff member's authenticator app, for the second step of "
        "the admin login (DEBUG only: with it anyone at the console is that person)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The staff member's e-mail, e.g. sofia.ramos@areadocliente.example")

    def handle(self, *args, email: str, **options):
        if not settings.DEBUG:
            raise CommandError(
                "totp_code only runs with DEBUG on (DJANGO_DEBUG=true): on a real site a code is what "
                "the person's own phone shows."
            )
        user = get_user_model().objects.filter(email__iexact=email.strip(), is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff member with the e-mail {email!r}.")
        device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
        if device is None:
            raise CommandError(
                f"{user.email} has no authenticator app set up: sign in at /admin/ to set one up "
                "(demo staff get one from `manage.py seed_demo`)."
            )
        code, seconds_left = current_code(device)
        self.stdout.write(code)
        # The server accepts the code of the step before its current one too (a tolerance of one step).
        self.stderr.write(f"({user.email}: accepted once, for about {seconds_left + device.step} more seconds)")


def current_code(device: TOTPDevice, now: float | None = None) -> tuple[str, int]:
    """The code the device accepts now, and how long it stays valid.

    A code is accepted once: if this time step's code was used already, the next step's (which
    the device accepts too, within its tolerance of one step) is given instead.
    """
    now = time.time() if now is None else now
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = now
    if totp.t() <= device.last_t:
        totp.time = now + device.step * (device.last_t + 1 - totp.t())
    seconds_left = device.step - int(now - device.t0) % device.step
    return f"{totp.token():0{device.digits}d}", seconds_left

"""Demo staff get a confirmed authenticator app, so they can sign in to the admin.

Their current code: ``python manage.py totp_code <e-mail>`` (debug mode only).
"""

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.services import APP_DEVICE_NAME
from tickets.demo import STAFF

ADMIN_EMAIL = "admin@areadocliente.example"  # the superuser portal.demo creates


def seed(stdout) -> None:
    emails = [ADMIN_EMAIL, *(email for email, *_rest in STAFF)]
    created = 0
    for user in get_user_model().objects.filter(email__in=emails, is_staff=True):
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.filter(user=user).delete()  # a half-done set-up
            TOTPDevice.objects.create(user=user, name=f"{APP_DEVICE_NAME} (demonstração)", confirmed=True)
            created += 1
    stdout.write(f"  staff: authenticator apps for the demo staff ({created} new); their codes: manage.py totp_code")

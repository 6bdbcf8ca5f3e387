"""Staff's second factor in tests: codes computed from a device's key, and sessions past the second step."""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TOTPDeviceFactory


def app_device(user) -> TOTPDevice:
    """The user's confirmed authenticator app, set up now if they have none."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDeviceFactory(user=user)


def code_for(device: TOTPDevice) -> str:
    """What the person's app shows now, computed from the device's key with django-otp's TOTP.

    A code is accepted once: when this time step's was used already (two logins within 30
    seconds), the next step's, which the device accepts too (a tolerance of one step).
    """
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def pass_second_factor(client: Client, user) -> Client:
    """After ``client.force_login(user)``: the session passed the second step with the user's app.

    Writes the session key ``django_otp.login`` writes, as ``force_login`` stands for the password
    form; tests of the second step itself (tests/staff) go through the real pages.
    """
    device = app_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def staff_client(user, client: Client | None = None) -> Client:
    """A client signed in as ``user``, staff past the second step."""
    client = client or Client()
    client.force_login(user)
    return pass_second_factor(client, user) if user.is_staff else client

from django.tasks import task

from portal import services


@task
def send_password_reset(*, email: str, language: str) -> None:
    """The work of a password-reset request, done off the request so its timing reveals nothing."""
    services.password_reset_send(email=email, language=language)

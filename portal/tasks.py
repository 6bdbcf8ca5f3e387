from django.core.mail import EmailMultiAlternatives
from django.tasks import task

from portal import services


@task
def send_email(*, subject: str, body: str, to: list[str], html_body: str = "") -> None:
    """Send one e-mail. Enqueued after the request, so a slow mail server never slows a page."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


@task
def send_password_reset(*, email: str, language: str) -> None:
    """The work of a password-reset request, done off the request so its timing reveals nothing."""
    services.password_reset_send(email=email, language=language)

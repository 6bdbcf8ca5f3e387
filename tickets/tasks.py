from django.tasks import task

from tickets import services


@task
def send_lookup_links(*, cpf: str, year: int | None = None, number: int | None = None) -> None:
    """The work of an anonymous consultation, done off the request so its timing reveals nothing."""
    services.lookup_links_send(cpf=cpf, year=year, number=number)

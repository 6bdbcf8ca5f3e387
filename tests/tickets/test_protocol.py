import threading

import pytest
from django.db import connection
from django.test import Client

from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step, request_data
from tickets import services
from tickets.models import ProtocolCounter, Ticket, TicketType, format_protocol


@pytest.mark.parametrize(
    ("year", "number", "protocol"),
    [
        (2026, 42, "2026SS/00042"),
        (2027, 1, "2027SS/00001"),
        (2026, 99999, "2026SS/99999"),
        (2026, 100000, "2026SS/100000"),
    ],
)
def test_protocol_format_widens_past_five_digits(year, number, protocol):
    assert format_protocol(year, number) == protocol


@pytest.mark.django_db
def test_numbers_restart_each_year():
    assert [ProtocolCounter.next_number(2026) for _ in range(3)] == [1, 2, 3]
    assert ProtocolCounter.next_number(2027) == 1
    assert ProtocolCounter.next_number(2026) == 4


@pytest.mark.django_db
def test_a_rolled_back_ticket_gives_its_number_back():
    from django.db import transaction

    def take_a_number_then_fail():
        with transaction.atomic():
            ProtocolCounter.next_number(2026)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        take_a_number_then_fail()
    assert ProtocolCounter.next_number(2026) == 1


def _open(form, kind, key):
    return services.ticket_open(
        submission_key=key,
        form=form,
        requester_cpf="52998224725",
        requester_name="Maria",
        cnpj="12ABC34501DE35",
        email="maria@cliente.example",
        phone="",
        language="pt-br",
        type=kind,
        title="Erro",
        description="Erro 500.",
        extra=[],
        files=[],
    )


def _in_threads(count, target):
    barrier = threading.Barrier(count)
    errors = []

    def run(index):
        try:
            barrier.wait()
            target(index)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_get_fifty_consecutive_numbers(ticket_form):
    kind = TicketType.objects.get(name_pt_br="Incidente")
    _in_threads(50, lambda index: _open(ticket_form, kind, f"concorrente-{index}"))
    numbers = sorted(Ticket.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 51))


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_posts_of_the_last_step_create_one_ticket(ticket_form):
    client = Client()
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    post_step(client, "datavalid", "solicitacao", request_data())
    key = client.session["ticket_form:datavalid"]["key"]
    cookies = client.cookies
    locations = []

    def send(index):
        browser_tab = Client()
        browser_tab.cookies = cookies
        response = post_step(browser_tab, "datavalid", "revisao", {"key": key})
        locations.append(response["Location"])

    _in_threads(10, send)
    ticket = Ticket.objects.get()
    assert set(locations) == {f"/tickets/enviado/{ticket.year}SS/{ticket.number:05d}/"}
    assert ProtocolCounter.objects.get(year=ticket.year).last == 1

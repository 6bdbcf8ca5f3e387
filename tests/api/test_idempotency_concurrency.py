"""Two identical requests at the same moment with one Idempotency-Key: the work is done once."""

import threading
import time

import pytest
from django.db import connection

from api import services
from tests.api.conftest import ApiClient, Company, ticket_payload
from tests.factories import ProductFactory, TicketFormFactory, TicketTypeFactory
from tickets.models import Ticket

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_duplicates_open_one_ticket_and_both_get_its_answer(monkeypatch):
    TicketTypeFactory(name="Incidente")
    TicketFormFactory(product=ProductFactory(name="Datavalid", slug="datavalid"), slug="datavalid")
    token = Company().token()
    payload = ticket_payload()
    original = services.ticket_open

    def slow_open(**kwargs):
        result = original(**kwargs)
        time.sleep(0.5)  # the first request still holds its transaction when the second arrives
        return result

    monkeypatch.setattr(services, "ticket_open", slow_open)
    barrier = threading.Barrier(2)
    answers = []

    def send():
        try:
            barrier.wait()
            answers.append(
                ApiClient(token).post_json("/api/v1/tickets", payload, headers={"Idempotency-Key": "mesmo-pedido"})
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert [answer.status_code for answer in answers] == [201, 201]
    assert answers[0].json() == answers[1].json()
    assert sorted(answer.get("Idempotent-Replayed", "no") for answer in answers) == ["no", "true"]
    assert Ticket.objects.count() == 1

"""A ticket's status label: the one its choice declares, in the reader's language."""

import pytest
from django.utils import translation

from tests.factories import TicketFactory
from tickets.models import StatusEvent, Ticket, status_label

pytestmark = pytest.mark.django_db

EXPECTED = {
    "pt-br": {"aberto": "Aberto", "aguardando_cliente": "Aguardando o cliente", "fechado": "Fechado"},
    "en": {"aberto": "Open", "aguardando_cliente": "Waiting for the customer", "fechado": "Closed"},
    "es": {"aberto": "Abierto", "aguardando_cliente": "Esperando al cliente", "fechado": "Cerrado"},
}


@pytest.mark.parametrize("language", ["pt-br", "en", "es"])
def test_every_status_shows_its_choice_label_in_the_readers_language(language):
    with translation.override(language):
        for status in Ticket.Status:
            ticket = Ticket(status=status.value)
            assert ticket.get_status_display() == str(status.label)
        for value, label in EXPECTED[language].items():
            assert status_label(value) == label


def test_a_value_that_is_no_status_is_shown_as_it_is():
    assert Ticket(status="arquivado").get_status_display() == "arquivado"
    assert status_label("") == ""


def test_a_status_change_names_both_statuses_and_a_first_one_has_no_origin():
    ticket = TicketFactory()
    with translation.override("en"):
        change = StatusEvent(ticket=ticket, from_status="aberto", to_status="resolvido")
        first = StatusEvent(ticket=ticket, from_status="", to_status="aberto")
        assert (change.get_from_status_display(), change.get_to_status_display()) == ("Open", "Resolved")
        assert (first.get_from_status_display(), first.get_to_status_display()) == ("", "Open")
        assert str(first) == f"{ticket.protocol}: — → Open"

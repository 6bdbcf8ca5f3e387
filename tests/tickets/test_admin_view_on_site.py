"""The admin's "view on site" redirect (/admin/r/<type>/<id>/): nothing about tickets one may not work."""

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.tickets import test_admin
from tests.tickets.test_admin import as_user
from tickets.models import Ticket

pytestmark = pytest.mark.django_db

desk = test_admin.desk  # the two teams and their tickets


def _view_on_site(ticket):
    return f"/admin/r/{ContentType.objects.get_for_model(Ticket).pk}/{ticket.pk}/"


def test_an_atendente_is_redirected_for_a_ticket_of_their_team_only(desk):
    client = as_user(desk.atendente_a)
    own = client.get(_view_on_site(desk.ticket_a))
    assert own.status_code == 302
    assert own["Location"].endswith(desk.ticket_a.get_absolute_url())
    other = client.get(_view_on_site(desk.ticket_b))
    assert other.status_code == 404
    assert desk.ticket_b.protocol not in other.content.decode()
    assert desk.ticket_b.get_absolute_url() not in other.get("Location", "")


def test_a_supervisor_is_redirected_for_any_team(desk):
    client = as_user(desk.supervisor)
    assert client.get(_view_on_site(desk.ticket_b)).status_code == 302


@pytest.mark.parametrize("object_id", ["abc", "999999", "1%27"])
def test_odd_ids_and_unknown_types_are_a_404(desk, object_id):
    client = as_user(desk.supervisor)
    ticket_type = ContentType.objects.get_for_model(Ticket).pk
    assert client.get(f"/admin/r/{ticket_type}/{object_id}/").status_code == 404
    assert client.get(f"/admin/r/999999/{desk.ticket_a.pk}/").status_code == 404


def test_customers_and_visitors_never_reach_it(client, desk):
    response = client.get(_view_on_site(desk.ticket_a))
    assert response.status_code == 302  # to a login page, not to the ticket
    assert desk.ticket_a.get_absolute_url() not in response["Location"]
    assert "next=/admin/r/" in response["Location"]

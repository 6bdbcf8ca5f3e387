"""Query budgets of the ticket form: flat whatever the number of rows around it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.budgets import max_queries
from tests.factories import FormFieldFactory, TicketFormFactory
from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step, request_data
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 50])
def rows(request, ticket_form):
    FormFieldFactory.create_batch(request.param, form=ticket_form)
    TicketFormFactory.create_batch(request.param)
    return request.param


def _extra(ticket_form):
    return {field.key: "x" for field in ticket_form.fields.all()}


@pytest.mark.parametrize("step", ["identificacao", "contato", "solicitacao", "revisao"])
def test_each_step_renders_within_budget(client, ticket_form, rows, step):
    data = {
        "identificacao": ANONYMOUS_IDENTIFICATION,
        "contato": CONTACT,
        "solicitacao": request_data(**_extra(ticket_form)),
    }
    for name in ["identificacao", "contato", "solicitacao"][
        : ["identificacao", "contato", "solicitacao", "revisao"].index(step)
    ]:
        post_step(client, "datavalid", name, data[name])
    with max_queries(5):
        html = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Passo" in html


def test_each_step_posts_within_budget(client, ticket_form, rows):
    request = request_data(**_extra(ticket_form))
    with max_queries(5):
        first = post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    with max_queries(5):
        second = post_step(client, "datavalid", "contato", CONTACT)
    with max_queries(5):
        third = post_step(client, "datavalid", "solicitacao", request)
    assert [response.status_code for response in (first, second, third)] == [302, 302, 302]  # each step went through
    assert client.session["ticket_form:datavalid"]["step"] == 3


@pytest.mark.parametrize("files", [0, 1, 3])
def test_final_submit_within_budget_plus_a_constant_per_attachment(
    client, ticket_form, rows, files, django_capture_on_commit_callbacks
):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    uploads = [SimpleUploadedFile(f"log{n}.txt", b"linha\n") for n in range(files)]
    client.post(
        "/tickets/novo/datavalid/",
        {"step": "solicitacao", "action": "next", **request_data(**_extra(ticket_form)), "files": uploads},
    )
    key = client.session["ticket_form:datavalid"]["key"]
    # 15, among them: whether the requester belongs to the company (Ticket.company_verified), and
    # the confirmation written to the outbox in the ticket's transaction. The tests' task backend
    # then delivers it at once (a lock and an update) where production writes one task row.
    with max_queries(15 + min(files, 1)), django_capture_on_commit_callbacks(execute=True):  # files: one insert
        response = post_step(client, "datavalid", "revisao", {"key": key})
    assert response.status_code == 302
    assert Ticket.objects.get().attachments.count() == files


def _open_a_ticket(client, ticket_form, django_capture_on_commit_callbacks):
    """The whole journey as a browser makes it: each step shown and posted, then the confirmation."""
    client.get("/tickets/novo/datavalid/")
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    client.get("/tickets/novo/datavalid/")
    post_step(client, "datavalid", "contato", CONTACT)
    client.get("/tickets/novo/datavalid/")
    post_step(client, "datavalid", "solicitacao", ticket_form.answers, files=[SimpleUploadedFile("log.txt", b"oi\n")])
    client.get("/tickets/novo/datavalid/")
    key = client.session["ticket_form:datavalid"]["key"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = post_step(client, "datavalid", "revisao", {"key": key})
    return client.get(sent["Location"])


def test_opening_a_ticket_takes_at_most_25_queries_in_all(
    client, ticket_form, rows, django_capture_on_commit_callbacks
):
    ticket_form.answers = request_data(**_extra(ticket_form))
    # A first customer reads the form, its questions and the ticket types into the cache (tickets.catalog).
    _open_a_ticket(Client(), ticket_form, django_capture_on_commit_callbacks)
    with max_queries(25):
        confirmation = _open_a_ticket(client, ticket_form, django_capture_on_commit_callbacks)
    ticket = Ticket.objects.latest("number")
    assert ticket.protocol in confirmation.content.decode()
    assert len(ticket.extra) == rows
    assert [attachment.original_name for attachment in ticket.attachments.all()] == ["log.txt"]

"""The ticket page and what a customer can do there: reply, close, reopen, rate, download."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from portal.identifiers import mask_cpf
from tests.budgets import max_queries
from tests.factories import AttachmentFactory, MessageFactory, TicketFactory
from tests.tickets.conftest import ticket_url
from tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


def pdf(name="erro.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_creator_sees_the_ticket_with_everything_a_customer_needs(client, world):
    ticket = world.colleague_ticket
    ticket.response_due_at = timezone.now() + datetime.timedelta(days=2)
    ticket.save()
    MessageFactory(ticket=ticket, kind=Message.Kind.REPLY, body="Estamos verificando o seu acesso.")
    client.force_login(world.membro_a)

    html = client.get(ticket_url(ticket)).content.decode()

    for expected in (
        ticket.protocol,
        ticket.title,
        "Aberto",
        str(ticket.product),
        ticket.form.name,
        str(ticket.type),
        "Resposta prevista até",
        ticket.requester_name,
        ticket.cpf_redacted,
        "Estamos verificando o seu acesso.",
        "Histórico",
    ):
        assert expected in html
    assert ticket.requester_cpf not in html
    assert mask_cpf(ticket.requester_cpf) not in html


def test_internal_notes_never_reach_the_customer_page(client, world):
    ticket = world.colleague_ticket
    MessageFactory(ticket=ticket, kind=Message.Kind.NOTE, body="Nota interna: cliente inadimplente.")
    note_file = AttachmentFactory(
        ticket=ticket,
        message=MessageFactory(ticket=ticket, kind=Message.Kind.NOTE, body="Anexo interno"),
        original_name="interno.pdf",
    )
    client.force_login(world.membro_a)
    MessageFactory(ticket=ticket, kind=Message.Kind.REPLY, body="Resposta pública da equipe.")
    html = client.get(ticket_url(ticket)).content.decode()
    assert ticket.title in html
    assert "Resposta pública da equipe." in html  # the page shows the conversation…
    assert "cliente inadimplente" not in html  # …without the notes
    assert "interno.pdf" not in html
    assert client.get(ticket_url(ticket, f"anexos/{note_file.token}/")).status_code == 404


def test_page_answers_404_for_an_unknown_number(client, world):
    client.force_login(world.membro_a)
    assert client.get("/tickets/2026SS/99999/").status_code == 404


@pytest.mark.parametrize("messages", [1, 50])
def test_ticket_page_stays_within_budget(client, world, messages):
    ticket = world.colleague_ticket
    for n in range(messages):
        message = MessageFactory(ticket=ticket, kind=Message.Kind.REPLY if n % 2 else Message.Kind.CUSTOMER)
        AttachmentFactory(ticket=ticket, message=message)
    client.force_login(world.gestor_a)
    with max_queries(8):
        response = client.get(ticket_url(ticket))
    assert response.status_code == 200
    assert response.content.decode().count("comprovante.pdf") == messages


# Who may see what: every id swapped between customers and companies answers 404.

ACTIONS = [
    ("get", ""),
    ("post", "responder/"),
    ("post", "fechar/"),
    ("post", "reabrir/"),
    ("post", "avaliar/"),
]


@pytest.mark.parametrize(("method", "suffix"), ACTIONS)
@pytest.mark.parametrize(
    ("viewer", "ticket"),
    [
        ("membro_a", "other_company_ticket"),  # another company
        ("gestor_a", "other_company_ticket"),  # a gestor, of another company
        ("gestor_b", "colleague_ticket"),
        ("membro_a", "anonymous_ticket"),
        (None, "colleague_ticket"),  # a visitor without a link
        (None, "anonymous_ticket"),
    ],
)
def test_idor_matrix_every_foreign_ticket_is_a_404(client, world, viewer, ticket, method, suffix):
    target = getattr(world, ticket)
    if viewer:
        client.force_login(getattr(world, viewer))
    data = {"body": "Olá", "rating": 5} if method == "post" else None
    response = getattr(client, method)(ticket_url(target, suffix), data)
    assert response.status_code == 404
    target.refresh_from_db()
    assert target.status == Ticket.Status.OPEN
    assert target.rating is None
    assert not target.messages.exists()


def test_an_attachment_token_from_another_ticket_is_a_404(client, world):
    foreign = AttachmentFactory(ticket=world.other_company_ticket)
    own = AttachmentFactory(ticket=world.colleague_ticket)
    client.force_login(world.membro_a)
    assert client.get(ticket_url(world.colleague_ticket, f"anexos/{foreign.token}/")).status_code == 404
    assert client.get(ticket_url(world.other_company_ticket, f"anexos/{foreign.token}/")).status_code == 404
    assert client.get(ticket_url(world.colleague_ticket, f"anexos/{own.token}/")).status_code == 200


def test_gestor_opens_a_colleagues_ticket_and_its_files(client, world):
    attachment = AttachmentFactory(ticket=world.colleague_ticket)
    client.force_login(world.gestor_a)
    assert client.get(ticket_url(world.colleague_ticket)).status_code == 200
    assert client.get(ticket_url(world.colleague_ticket, f"anexos/{attachment.token}/")).status_code == 200


def test_the_browser_that_sent_a_ticket_sees_it_for_the_rest_of_the_session(client, world):
    ticket = world.anonymous_ticket
    session = client.session
    session["tickets_submitted"] = {"chave": [ticket.year, ticket.number]}
    session.save()
    assert client.get(ticket_url(ticket)).status_code == 200
    assert Client().get(ticket_url(ticket)).status_code == 404


# Downloads


def test_download_is_an_attachment_with_a_safe_name_and_no_sniffing(client, world):
    attachment = AttachmentFactory(ticket=world.colleague_ticket, original_name='"><img src=x onerror=alert(1)>çã.pdf')
    client.force_login(world.membro_a)
    response = client.get(ticket_url(world.colleague_ticket, f"anexos/{attachment.token}/"))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\n" not in disposition
    assert "<img" not in disposition
    assert "filename*=utf-8''" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


# Reply


def test_customer_reply_with_a_file_waits_for_support_and_tells_the_team(
    client, world, django_capture_on_commit_callbacks
):
    ticket = world.colleague_ticket
    ticket.team.email = "apis@atendimento.example"
    ticket.team.save()
    client.force_login(world.membro_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ticket_url(ticket, "responder/"), {"body": "Segue o print do erro.", "files": [pdf()]})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    message = ticket.messages.get()
    assert (message.kind, message.author) == (Message.Kind.CUSTOMER, world.membro_a)
    assert message.body == "Segue o print do erro."
    assert message.attachments.get().original_name == "erro.pdf"
    assert ticket.events.filter(to_status=Ticket.Status.WAITING_SUPPORT).exists()
    assert [email.to for email in mail.outbox] == [[ticket.team.email]]
    assert "Segue o print do erro." in mail.outbox[0].body
    html = client.get(ticket_url(ticket)).content.decode()
    assert "Segue o print do erro." in html
    assert "erro.pdf" in html


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([pdf("pagina.pdf", b"<html><script>alert(1)</script></html>")], "não é de um tipo aceito"),
        ([pdf("vazio.pdf", b"")], "está vazio"),
        ([pdf(f"arquivo{n}.pdf") for n in range(6)], "no máximo 5 arquivos"),
    ],
)
def test_a_bad_file_on_reply_is_refused_and_the_text_is_kept(client, world, files, message):
    client.force_login(world.membro_a)
    response = client.post(
        ticket_url(world.colleague_ticket, "responder/"), {"body": "Meu texto longo.", "files": files}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Meu texto longo." in html
    assert not world.colleague_ticket.messages.exists()


def test_an_oversized_file_on_reply_is_refused(client, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    client.force_login(world.membro_a)
    big = SimpleUploadedFile("grande.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1), "application/pdf")
    response = client.post(ticket_url(world.colleague_ticket, "responder/"), {"body": "Texto", "files": [big]})
    assert response.status_code == 200
    assert "por arquivo" in response.content.decode()
    assert not world.colleague_ticket.messages.exists()


def test_an_empty_or_over_long_reply_gets_a_field_error(client, world):
    client.force_login(world.membro_a)
    empty = client.post(ticket_url(world.colleague_ticket, "responder/"), {"body": "  "})
    assert "Este campo é obrigatório." in empty.content.decode()
    long = client.post(ticket_url(world.colleague_ticket, "responder/"), {"body": "x" * 5001})
    assert long.status_code == 200
    html = long.content.decode()
    assert "no máximo 5000 caracteres (ele possui 5001)" in html  # the field's own error, with both numbers
    assert "x" * 5001 in html  # what was typed comes back
    assert not world.colleague_ticket.messages.exists()


def test_replying_to_a_closed_ticket_is_refused_and_keeps_the_text(client, world):
    ticket = TicketFactory(created_by=world.membro_a, status=Ticket.Status.CLOSED, closed_at=timezone.now())
    client.force_login(world.membro_a)
    response = client.post(ticket_url(ticket, "responder/"), {"body": "Ainda preciso de ajuda."})
    assert response.status_code == 200
    assert "Esta solicitação está fechada." in response.content.decode()
    assert not ticket.messages.exists()


def test_extra_fields_posted_with_a_reply_are_ignored(client, world):
    ticket = world.colleague_ticket
    client.force_login(world.membro_a)
    client.post(
        ticket_url(ticket, "responder/"),
        {"body": "Oi", "status": "resolvido", "kind": "nota", "team": 999, "rating": 5, "author": world.gestor_b.pk},
    )
    message = ticket.messages.get()
    ticket.refresh_from_db()
    assert message.kind == Message.Kind.CUSTOMER
    assert message.author == world.membro_a
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    assert ticket.rating is None


# Close, reopen, rate


def test_customer_closes_then_reopens_within_seven_days(client, world):
    ticket = world.colleague_ticket
    client.force_login(world.membro_a)
    client.post(ticket_url(ticket, "fechar/"))
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED
    assert ticket.closed_at is not None

    client.post(ticket_url(ticket, "reabrir/"), {"reason": "O erro voltou."})
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    assert ticket.closed_at is None
    assert list(ticket.events.values_list("to_status", flat=True)) == ["fechado", "aguardando_atendimento"]
    assert ticket.messages.get().body == "O erro voltou."


def test_reopening_after_the_window_is_refused(client, world):
    ticket = TicketFactory(
        created_by=world.membro_a,
        status=Ticket.Status.CLOSED,
        closed_at=timezone.now() - datetime.timedelta(days=7, minutes=1),
    )
    client.force_login(world.membro_a)
    response = client.post(ticket_url(ticket, "reabrir/"), {"reason": "Voltou."}, follow=True)
    assert "no máximo 7 dias" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED


def test_reopening_asks_for_the_reason_and_keeps_the_text(client, world):
    ticket = TicketFactory(created_by=world.membro_a, status=Ticket.Status.RESOLVED, closed_at=timezone.now())
    client.force_login(world.membro_a)
    assert 'name="reason"' in client.get(ticket_url(ticket)).content.decode()
    empty = client.post(ticket_url(ticket, "reabrir/"), {"reason": "   "})
    assert empty.status_code == 200
    assert "Conte o que ainda falta resolver." in empty.content.decode()
    long = client.post(ticket_url(ticket, "reabrir/"), {"reason": "y" * 5001})
    assert long.status_code == 200
    html = long.content.decode()
    assert "no máximo 5000 caracteres (ele possui 5001)" in html
    assert "y" * 5001 in html  # what was typed comes back
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.RESOLVED
    assert not ticket.messages.exists()


def test_reopening_posts_the_reason_in_the_conversation_and_tells_the_team(
    client, world, django_capture_on_commit_callbacks
):
    ticket = TicketFactory(created_by=world.membro_a, status=Ticket.Status.RESOLVED, closed_at=timezone.now())
    ticket.team.email = "apis@atendimento.example"
    ticket.team.save()
    client.force_login(world.membro_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ticket_url(ticket, "reabrir/"), {"reason": "O erro voltou hoje às 10h."})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    message = ticket.messages.get()
    assert (message.kind, message.author, message.body) == ("cliente", world.membro_a, "O erro voltou hoje às 10h.")
    assert [email.to for email in mail.outbox] == [["apis@atendimento.example"]]
    assert "O erro voltou hoje às 10h." in mail.outbox[0].body
    html = client.get(ticket_url(ticket)).content.decode()
    assert "O erro voltou hoje às 10h." in html
    assert "Reaberta pelo cliente." in html


def test_the_history_tells_why_in_the_readers_language(client, world, settings):
    client.force_login(world.membro_a)
    client.post(ticket_url(world.colleague_ticket, "fechar/"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(ticket_url(world.colleague_ticket)).content.decode()
    assert "Closed by the customer." in html


def test_the_reopening_window_shown_comes_from_the_model(client, world, monkeypatch):
    monkeypatch.setattr(Ticket, "REOPEN_WINDOW", datetime.timedelta(days=3))
    closed = TicketFactory(created_by=world.membro_a, status=Ticket.Status.CLOSED, closed_at=timezone.now())
    client.force_login(world.membro_a)
    assert "reabri-la em até 3 dias" in client.get(ticket_url(world.colleague_ticket)).content.decode()
    assert "até 3 dias depois de fechada" in client.get(ticket_url(closed)).content.decode()


def test_closing_twice_is_refused_with_a_message(client, world):
    client.force_login(world.membro_a)
    client.post(ticket_url(world.colleague_ticket, "fechar/"))
    response = client.post(ticket_url(world.colleague_ticket, "fechar/"), follow=True)
    assert "Esta solicitação já está fechada." in response.content.decode()
    assert world.colleague_ticket.events.count() == 1


def test_customer_rates_a_resolved_ticket_once(client, world):
    ticket = TicketFactory(created_by=world.membro_a, status=Ticket.Status.RESOLVED, closed_at=timezone.now())
    client.force_login(world.membro_a)
    client.post(ticket_url(ticket, "avaliar/"), {"rating": "4", "comment": "Rápido e claro."})
    ticket.refresh_from_db()
    assert (ticket.rating, ticket.rating_comment) == (4, "Rápido e claro.")

    response = client.post(ticket_url(ticket, "avaliar/"), {"rating": "1"}, follow=True)
    assert "já foi avaliada" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.rating == 4


@pytest.mark.parametrize(
    ("status", "answered", "offered"),
    [
        (Ticket.Status.CLOSED, False, False),  # the customer closed it before anyone answered
        (Ticket.Status.CLOSED, True, True),
        (Ticket.Status.RESOLVED, False, True),  # the team resolved it
    ],
)
def test_rating_is_offered_only_once_the_team_answered_or_resolved(client, world, status, answered, offered):
    now = timezone.now()
    ticket = TicketFactory(
        created_by=world.membro_a, status=status, closed_at=now, first_response_at=now if answered else None
    )
    client.force_login(world.membro_a)
    assert ('name="rating"' in client.get(ticket_url(ticket)).content.decode()) is offered
    client.post(ticket_url(ticket, "avaliar/"), {"rating": "5"})
    ticket.refresh_from_db()
    assert (ticket.rating == 5) is offered


def test_rating_before_resolution_is_refused(client, world):
    client.force_login(world.membro_a)
    response = client.post(ticket_url(world.colleague_ticket, "avaliar/"), {"rating": "5"}, follow=True)
    assert "quando a solicitação for resolvida" in response.content.decode()
    world.colleague_ticket.refresh_from_db()
    assert world.colleague_ticket.rating is None


@pytest.mark.parametrize("rating", ["0", "6", "cinco", ""])
def test_a_rating_out_of_range_gets_a_field_error(client, world, rating):
    ticket = TicketFactory(created_by=world.membro_a, status=Ticket.Status.RESOLVED, closed_at=timezone.now())
    client.force_login(world.membro_a)
    response = client.post(ticket_url(ticket, "avaliar/"), {"rating": rating})
    assert response.status_code == 200
    ticket.refresh_from_db()
    assert ticket.rating is None


def test_actions_need_post_and_a_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.membro_a)
    for suffix in ("responder/", "fechar/", "reabrir/", "avaliar/"):
        assert client.get(ticket_url(world.colleague_ticket, suffix)).status_code == 405
        assert client.post(ticket_url(world.colleague_ticket, suffix), {"body": "x"}).status_code == 403
    world.colleague_ticket.refresh_from_db()
    assert world.colleague_ticket.status == Ticket.Status.OPEN


def test_uploaded_reply_files_live_in_private_storage_under_generated_names(client, world, settings):
    from pathlib import Path

    client.force_login(world.membro_a)
    client.post(ticket_url(world.colleague_ticket, "responder/"), {"body": "Anexo", "files": [pdf("meu-nome.pdf")]})
    stored = world.colleague_ticket.attachments.get()
    path = Path(stored.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert "meu-nome" not in str(path)
    assert io.BytesIO(path.read_bytes()).read().startswith(b"%PDF")


def test_too_many_replies_from_one_address_wait_and_keep_the_text(client, world, monkeypatch, settings):

    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "resposta-ip": (2, 60 * 60)}
    client.force_login(world.membro_a)
    url = ticket_url(world.colleague_ticket, "responder/")
    for n in range(2):
        assert client.post(url, {"body": f"Mensagem {n}"}).status_code == 302
    response = client.post(ticket_url(world.colleague_ticket, "responder/"), {"body": "A terceira mensagem"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Muitas mensagens em pouco tempo." in html
    assert "A terceira mensagem" in html
    assert world.colleague_ticket.messages.count() == 2


def test_a_ticket_without_history_says_where_it_stands(client, world):
    client.force_login(world.membro_a)
    html = client.get(ticket_url(world.colleague_ticket)).content.decode()
    assert "Situação atual: Aberto. As próximas mudanças aparecem aqui." in html

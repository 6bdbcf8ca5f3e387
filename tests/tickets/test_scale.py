"""At 100k tickets, consultation and the ticket page read through indexes, never a table scan."""

import pytest
from django.db import connection

from tests.factories import TicketFactory
from tickets import selectors
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_tickets(world):
    template = world.colleague_ticket
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO tickets_ticket
                (year, number, submission_key, requester_cpf, requester_name, cnpj, email, phone, language,
                 form_id, product_id, type_id, title, description, extra, status, team_id, created_by_id,
                 created_at, updated_at, rating_comment, priority)
            SELECT 2025, n, 'k-' || n, lpad((n %% 40000)::text, 11, '0'), 'Pessoa ' || n,
                   lpad((n %% 7000)::text, 14, '0'), 'p' || n || '@x.example', '', 'pt-br',
                   %s, %s, %s, 'Assunto ' || n, 'Descrição', '[]',
                   (ARRAY['aberto','em_atendimento','resolvido','fechado'])[1 + n %% 4], %s, NULL,
                   now() - (n || ' minutes')::interval, now(), '', 'normal'
              FROM generate_series(1, 100000) AS n
            """,
            [template.form_id, template.product_id, template.type_id, template.team_id],
        )
        cursor.execute("ANALYZE tickets_ticket")


def _plan(queryset) -> str:
    return queryset.explain()


def _assert_indexed(plan: str):
    assert "Seq Scan on tickets_ticket" not in plan, plan


def test_consultation_by_cpf_uses_indexes(many_tickets, world):
    viewer = selectors.Viewer(user=world.gestor_a, managed_cnpjs=(world.company_a.cnpj,))
    results = selectors.consult(viewer, {"by": "cpf", "cpf": world.membro_a.cpf, "situation": "abertas"})
    _assert_indexed(_plan(results[:20]))
    _assert_indexed(str(results.explain()))
    assert [ticket.pk for ticket in results] == [world.colleague_ticket.pk]


def test_consultation_by_number_and_the_ticket_page_use_indexes(many_tickets, world):
    viewer = selectors.Viewer(user=world.membro_a)
    criteria = {"by": "numero", "year": world.colleague_ticket.year, "number": world.colleague_ticket.number}
    _assert_indexed(_plan(selectors.consult(viewer, criteria)))
    detail = selectors.visible_tickets(viewer).filter(year=2025, number=4242)
    _assert_indexed(_plan(detail))


def test_the_access_from_an_emailed_link_uses_indexes(many_tickets, world):
    TicketFactory(requester_cpf="00000000042", email="p42@x.example")
    viewer = selectors.Viewer(user=None, grant_cpf="00000000042", grant_email="p42@x.example")
    _assert_indexed(_plan(selectors.granted_tickets(viewer)[:20]))
    _assert_indexed(_plan(selectors.visible_tickets(viewer).filter(year=2025, number=42)))
    assert selectors.granted_tickets(viewer).count() == 2
    assert Ticket.objects.count() > 100_000

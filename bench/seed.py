"""Seed PostgreSQL at a chosen scale for the benchmarks: companies, tickets, their messages, help answers.

Run on a migrated database that already has forms, ticket types and teams (the demo, ``seed_demo``):

    .venv/bin/python bench/seed.py postgres://postgres@127.0.0.1:5432/portal \\
        [--companies 10000] [--tickets 1000000] [--messages 3000000] [--articles 100000]

Every part is one set-based statement (``INSERT … SELECT … FROM generate_series``), never the ORM row
by row: 1M tickets and 3M messages take about a minute. The tickets are shaped like a help desk some
years old: of every 1000, 960 finished, 10 waiting on the customer, 30 running (a third of them
overdue), spread over every team and every seeded company, one company in five verified. Each
ticket gets ``messages / tickets`` messages (customer, reply, internal note in turn).

``bench/admin.py`` and ``bench/throughput.py`` seed through ``seed()``; this command does it alone,
for measuring by hand (``EXPLAIN``, the admin in a browser) at that size.
"""

import argparse
import secrets
import sys
import time

COMPANIES = """
    INSERT INTO portal_organization (cnpj, legal_name, trade_name)
    SELECT 'S' || %(run)s || lpad(n::text, 7, '0'), 'Empresa de teste ' || n || ' Ltda.', 'Empresa ' || n
      FROM generate_series(1, %(companies)s) AS n
"""

TICKETS = """
    INSERT INTO tickets_ticket
        (year, number, submission_key, requester_cpf, requester_name, cnpj, email, phone, language,
         form_id, product_id, type_id, title, description, extra, status, team_id,
         created_at, updated_at, rating_comment, priority, response_due_at, resolution_due_at,
         first_response_at, sla_paused_at, closed_at, rating, rated_at, company_verified)
    SELECT %(year)s, %(first)s + n, 'seed-' || %(run)s || '-' || n, lpad((n %% 40000)::text, 11, '0'), 'Pessoa ' || n,
           CASE WHEN %(companies)s > 0 THEN 'S' || %(run)s || lpad((1 + n %% greatest(%(companies)s, 1))::text, 7, '0')
                ELSE lpad((n %% 7000)::text, 14, '0') END,
           'p' || n || '@x.example', '', 'pt-br',
           %(form)s, %(product)s, %(type)s, 'Assunto ' || n, 'Descrição', '[]',
           CASE WHEN n %% 1000 < 960 THEN (CASE WHEN n %% 2 = 0 THEN 'fechado' ELSE 'resolvido' END)
                WHEN n %% 1000 < 970 THEN 'aguardando_cliente'
                WHEN n %% 1000 < 985 THEN 'em_atendimento'
                ELSE 'aberto' END,
           (%(teams)s::bigint[])[1 + n %% cardinality(%(teams)s::bigint[])],
           now() - (n || ' minutes')::interval, now() - (n || ' seconds')::interval, '', 'normal',
           now() + ((n %% 100 - 30) || ' hours')::interval, now() + ((n %% 100 - 10) || ' hours')::interval,
           CASE WHEN n %% 3 = 0 THEN now() - interval '1 hour' END,
           CASE WHEN n %% 1000 BETWEEN 960 AND 969 THEN now() - interval '2 hours' END,
           CASE WHEN n %% 1000 < 960 THEN now() - (n || ' minutes')::interval END,
           CASE WHEN n %% 1000 < 960 AND n %% 4 = 0 THEN 1 + n %% 5 END,
           CASE WHEN n %% 1000 < 960 AND n %% 4 = 0 THEN now() - (n || ' minutes')::interval + interval '1 day' END,
           n %% 5 = 0
      FROM generate_series(1, %(tickets)s) AS n
"""

MESSAGES = """
    INSERT INTO tickets_message (kind, body, author_name, created_at, ticket_id)
    SELECT (ARRAY['cliente', 'resposta', 'nota'])[1 + (i - 1) %% 3], 'Mensagem ' || i || ' do ticket ' || t.id,
           CASE WHEN (i - 1) %% 3 = 0 THEN t.requester_name ELSE 'Atendente' END,
           t.created_at + (i || ' minutes')::interval, t.id
      FROM tickets_ticket t, generate_series(1, %(per_ticket)s) AS i
     WHERE t.year = %(year)s AND t.number > %(first)s
"""

ARTICLES = """
    INSERT INTO helpcenter_article (category_id, question, question_pt_br, slug, body, body_pt_br,
           body_html, body_html_pt_br, body_text, body_text_pt_br, featured, published, "order",
           helpful_yes, helpful_no, updated_at)
    SELECT c.id, q, q, 'gerada-' || %(run)s || '-' || n, b, b, '<p>' || b || '</p>', '<p>' || b || '</p>', b, b,
           false, true, 1000 + n, 0, 0, now()
      FROM generate_series(1, %(articles)s) AS n,
           LATERAL (SELECT 'Pergunta gerada ' || n || ' sobre o contrato ' || (n %% 97) AS q,
                           'Resposta gerada ' || n || ': veja o contrato e a fatura ' || (n %% 89) AS b) t,
           (SELECT id FROM helpcenter_faqcategory ORDER BY id LIMIT 1) c
"""

#: The tickets' year: past the demo's, so their protocol numbers never meet.
YEAR = 2019


def seed(cursor, *, companies: int = 0, tickets: int = 0, messages: int = 0, articles: int = 0) -> dict[str, float]:
    """Add that many rows through ``cursor`` (Django's or psycopg's); the seconds each part took."""
    run = secrets.token_hex(3).upper()
    timings: dict[str, float] = {}

    def timed(name: str, sql: str, params: dict) -> None:
        start = time.perf_counter()
        cursor.execute(sql, params)
        timings[name] = round(time.perf_counter() - start, 1)

    if companies:
        timed("companies", COMPANIES, {"run": run, "companies": companies})
    if tickets:
        cursor.execute(
            "SELECT f.id, f.product_id FROM tickets_ticketform f WHERE f.active AND f.product_id IS NOT NULL "
            "ORDER BY f.id LIMIT 1"
        )
        form, product = cursor.fetchone()
        cursor.execute("SELECT min(id) FROM tickets_tickettype")
        (kind,) = cursor.fetchone()
        cursor.execute("SELECT array_agg(id ORDER BY id) FROM tickets_team")
        (teams,) = cursor.fetchone()
        cursor.execute("SELECT coalesce(max(number), 0) FROM tickets_ticket WHERE year = %s", [YEAR])
        (first,) = cursor.fetchone()
        params = {
            "run": run,
            "year": YEAR,
            "first": first,
            "companies": companies,
            "form": form,
            "product": product,
            "type": kind,
            "teams": teams,
            "tickets": tickets,
        }
        timed("tickets", TICKETS, params)
        if messages:
            per_ticket = max(messages // tickets, 1)
            timed("messages", MESSAGES, {"year": YEAR, "first": first, "per_ticket": per_ticket})
    if articles:
        timed("articles", ARTICLES, {"run": run, "articles": articles})
    start = time.perf_counter()
    cursor.execute("VACUUM ANALYZE")  # statistics, and the visibility map index-only scans need
    timings["vacuum_analyze"] = round(time.perf_counter() - start, 1)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--messages", type=int, default=3_000_000)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()

    import psycopg

    with psycopg.connect(args.database_url, autocommit=True) as connection, connection.cursor() as cursor:
        timings = seed(
            cursor, companies=args.companies, tickets=args.tickets, messages=args.messages, articles=args.articles
        )
    print(f"seeded {vars(args) | {'database_url': '…'}}: seconds {timings}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""How often the Central de Ajuda's search puts the right answer first, and in the top three.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/search_quality.py [--verbose] [--articles 100000]

It builds a throwaway test database with the demo help content (``helpcenter.demo``) and runs
each query of ``QUERIES`` — typed the way customers type: typos, no accents, other words than
the answer's, whole questions — and prints the top-1 and top-3 hit rates. The test suite runs
the same set (tests/helpcenter/test_search_quality.py) and pins the rates, so they cannot fall.

With ``--articles N`` it first adds N filler questions (as bench/helpcenter.py does: all about
"fatura", the worst case for a common word) and prints each query's latency, p50 and p95.
"""

import argparse
import os
import sys
from pathlib import Path

#: (what a customer types, the question that answers it). Written from how people ask, not from the
#: answers' own words: the point is to find the answer when the words differ.
QUERIES = [
    # Typos
    ("boelto", "Como recebo o boleto e a nota fiscal?"),
    ("sennha", "Como faço o primeiro acesso ou recupero minha senha?"),
    ("recuperar a senah", "Como faço o primeiro acesso ou recupero minha senha?"),
    ("contarto", "Onde vejo os contratos da minha organização?"),
    ("vigensia do contrato", "O que é a vigência do contrato e como acontece a renovação?"),
    ("reajusti de preço", "Como funciona o reajuste de preços?"),
    ("ambiente de testtes", "Existe ambiente de testes antes da contratação?"),
    # No accents
    ("retencao de impostos", "Como funciona a retenção de tributos para órgãos públicos?"),
    ("orgao publico contratar sem licitacao", "Como um órgão público pode contratar os serviços?"),
    ("homologacao", "Existe ambiente de testes antes da contratação?"),
    ("vigencia", "O que é a vigência do contrato e como acontece a renovação?"),
    ("quem pode acessar a area do cliente", "Quem pode acessar a Área do Cliente?"),
    # Synonyms, ordinals and other words for the same thing
    ("segunda via boleto", "Como emito a 2ª via do boleto?"),
    ("2 via do boleto", "Como emito a 2ª via do boleto?"),
    ("2a via boleto", "Como emito a 2ª via do boleto?"),
    ("reemitir boleto", "Como emito a 2ª via do boleto?"),
    ("como abrir ticket", "Como abro e acompanho um chamado? O que significa o número de protocolo?"),
    ("abrir solicitação de suporte", "Como abro e acompanho um chamado? O que significa o número de protocolo?"),
    ("mudar idioma", "Como altero o idioma da Área do Cliente?"),
    ("trocar a lingua do portal", "Como altero o idioma da Área do Cliente?"),
    ("cancelar contrato", "É possível suspender ou encerrar um contrato?"),
    ("ambiente de homologação", "Existe ambiente de testes antes da contratação?"),
    ("adicionar usuário da empresa", "Como o gestor adiciona membros à equipe?"),
    ("cadastrar novo usuario", "Como o gestor adiciona membros à equipe?"),
    ("quanto custa", "Como funcionam os preços e o faturamento por consumo?"),
    ("nf", "Como recebo o boleto e a nota fiscal?"),
    ("impostos retidos na nota", "Como funciona a retenção de tributos para órgãos públicos?"),
    ("renovar contrato", "O que é a vigência do contrato e como acontece a renovação?"),
    ("mudar o gestor", "Como trocar o gestor ou o fiscal do contrato?"),
    ("esqueci a senha", "Como faço o primeiro acesso ou recupero minha senha?"),
    # Short questions as typed in a search box
    ("numero de protocolo", "Como abro e acompanho um chamado? O que significa o número de protocolo?"),
    ("aditivo", "Quando é preciso fazer um termo aditivo?"),
    ("atestar serviços", "O que é o ateste de serviços e como fazê-lo?"),
    ("multa por atraso", "Qual é o prazo de vencimento e o que acontece se eu pagar com atraso?"),
    ("dispensa de licitação", "Como um órgão público pode contratar os serviços?"),
    ("empresa privada pode contratar", "Empresas privadas também podem contratar?"),
    ("suspender contrato", "É possível suspender ou encerrar um contrato?"),
    ("onde vejo meus contratos", "Onde vejo os contratos da minha organização?"),
    ("prazo de ativação do serviço", "Quanto tempo leva para o serviço ser ativado após a assinatura?"),
    # Long questions, as people write them
    ("como faço para pegar a segunda via do boleto que venceu", "Como emito a 2ª via do boleto?"),
    (
        "paguei o boleto ontem e ainda aparece em aberto, quanto tempo demora",
        "Em quanto tempo o pagamento é confirmado?",
    ),
    ("não consigo entrar na área do cliente pela primeira vez", "Como faço o primeiro acesso ou recupero minha senha?"),
    ("o que vem detalhado na fatura de consumo", "Como funciona a cobrança pelo consumo e o que aparece na fatura?"),
    (
        "quanto tempo depois de assinar o contrato o serviço começa",
        "Quanto tempo leva para o serviço ser ativado após a assinatura?",
    ),
    ("como eu troco o fiscal do meu contrato", "Como trocar o gestor ou o fiscal do contrato?"),
    ("o preço do contrato aumenta todo ano?", "Como funciona o reajuste de preços?"),
]


def evaluate(run_search) -> dict:
    """Run every query through ``run_search(query) -> list of titles, best first``; hit rates and misses."""
    top1 = top3 = 0
    misses = []
    for query, expected in QUERIES:
        titles = run_search(query)[:3]
        if titles[:1] == [expected]:
            top1 += 1
        if expected in titles:
            top3 += 1
        else:
            misses.append((query, expected, titles))
    total = len(QUERIES)
    return {"queries": total, "top1": top1 / total, "top3": top3 / total, "misses": misses}


def titles_from_search(query: str) -> list[str]:
    from helpcenter.search import search

    return [hit.title for hit in search(query)[:3]]


def filler(articles: int) -> None:
    """``articles`` published questions in one category, bulk-inserted with SQL, and a fresh word list."""
    from django.db import connection

    from helpcenter.models import FaqCategory
    from helpcenter.query import refresh_word_list

    category = FaqCategory.objects.get(slug="financeiro")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO helpcenter_article
                (category_id, question, slug, body, body_html, body_text,
                 published, "order", updated_at, featured, helpful_yes, helpful_no)
            SELECT %s, 'Pergunta sobre fatura ' || n, 'bench-' || n, '', '',
                   'Resposta sobre a fatura mensal número ' || n || ' e o boleto do contrato', true, 1000 + n,
                   now(), false, n %% 7, n %% 3
              FROM generate_series(1, %s) AS n
            """,
            [category.pk, articles],
        )
        cursor.execute("ANALYZE")
    refresh_word_list()


def latencies(rounds: int = 5) -> dict:
    import statistics
    import time

    timings = []
    for _ in range(rounds):
        for query, _expected in QUERIES:
            start = time.perf_counter()
            titles_from_search(query)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {"p50_ms": round(statistics.median(timings), 1), "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the queries that missed the top three")
    parser.add_argument("--articles", type=int, default=0, help="filler questions to add, for latency at scale")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")
    import django

    django.setup()
    from io import StringIO

    from bench.measure import throwaway_database
    from helpcenter import demo

    with throwaway_database():
        demo.seed(StringIO())
        if args.articles:
            filler(args.articles)
        result = evaluate(titles_from_search)
        timing = latencies()
    print(f"queries: {result['queries']}")
    print(f"top-1: {result['top1']:.0%}")
    print(f"top-3: {result['top3']:.0%}")
    print(f"latency over {args.articles} extra articles: p50 {timing['p50_ms']} ms, p95 {timing['p95_ms']} ms")
    if args.verbose:
        for query, expected, titles in result["misses"]:
            print(f"  miss: {query!r} -> expected {expected!r}, got {titles}")


if __name__ == "__main__":
    main()

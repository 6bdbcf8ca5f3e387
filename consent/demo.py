"""Demo Compartilha RFB: the products that read Receita Federal data, and a lived-in history.

Runs after portal's demo (companies, people and contracts) and helpcenter's (the products).
Banco Horizonte authorised both its products; Sicoob Vale Verde authorised its three, then
revoked Datavalid while its contract is renewed; Nova Rota never authorised Datavalid, so its
warning shows on Meus Contratos and Suporte. Idempotent: a company with any history is left as is.
"""

import datetime

from django.utils import timezone

from consent.models import Consent, ConsentEvent, RfbDataUse
from helpcenter.models import Product
from portal.models import Membership, Organization

USES = {
    "consulta-cpf": (
        "Lê a situação cadastral, o nome e a data de nascimento das pessoas físicas consultadas pela empresa, "
        "para confirmar a identidade de clientes no cadastro."
    ),
    "consulta-cnpj": (
        "Lê a razão social, a situação cadastral, o endereço e o quadro de sócios das empresas consultadas, "
        "para a análise de fornecedores e parceiros."
    ),
    "datavalid": (
        "Compara os dados informados pelos clientes da empresa (nome, CPF, filiação e foto) com a base da "
        "Receita Federal, para prevenir fraudes na abertura de contas."
    ),
}

# company CNPJ -> [(days ago, product slug, action, reason)], oldest first.
HISTORY = {
    "33451729000133": [
        (
            610,
            "consulta-cpf",
            "concedido",
            "Necessário para validar o CPF dos correntistas na abertura de contas, conforme o contrato CT-2024/00112.",
        ),
        (
            605,
            "datavalid",
            "concedido",
            "Autorizado pela diretoria de riscos para a validação biométrica no aplicativo do banco.",
        ),
    ],
    "07864215000108": [
        (400, "consulta-cnpj", "concedido", "Análise cadastral de cooperados pessoa jurídica."),
        (400, "consulta-cpf", "concedido", "Validação do CPF de novos cooperados."),
        (
            380,
            "datavalid",
            "concedido",
            "Prevenção a fraudes no cadastro de cooperados pelo aplicativo.",
        ),
        (
            21,
            "datavalid",
            "revogado",
            "Suspenso a pedido do encarregado de dados (DPO) até a revisão do contrato, que vence em breve. "
            "Voltaremos a autorizar após a renovação.",
        ),
    ],
}


def seed(stdout) -> None:
    products = Product.objects.filter(slug__in=USES).in_bulk(field_name="slug")
    for slug, description in USES.items():
        if slug in products:
            RfbDataUse.objects.update_or_create(product=products[slug], defaults={"description": description})
    created = 0
    now = timezone.now()
    for cnpj, events in HISTORY.items():
        organization = Organization.objects.filter(cnpj=cnpj).first()
        if organization is None or ConsentEvent.objects.filter(organization=organization).exists():
            continue
        gestor = (
            Membership.objects.filter(organization=organization, role=Membership.Role.MANAGER)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        for days_ago, slug, action, reason in events:
            if slug not in products:
                continue
            event = ConsentEvent(
                organization=organization,
                product=products[slug],
                action=action,
                reason=reason,
                actor=gestor.user if gestor else None,
                actor_name=gestor.user.name if gestor else "Gestor da empresa",
                created_at=_moment(now, days_ago),
            )
            event.save()
            Consent.objects.update_or_create(
                organization=organization,
                product=products[slug],
                defaults={"granted": action == ConsentEvent.Action.GRANTED, "last_event": event},
            )
            created += 1
    stdout.write(
        f"  consent: {RfbDataUse.objects.count()} produtos que usam dados da RFB, "
        f"{ConsentEvent.objects.count()} registros de consentimento ({created} novos)\n"
    )


def _moment(now: datetime.datetime, days_ago: int) -> datetime.datetime:
    """``days_ago`` days before now, in office hours."""
    day = timezone.localtime(now - datetime.timedelta(days=days_ago)).date()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 15)))

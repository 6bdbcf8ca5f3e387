"""Demo keys: a few per demo company, with a history (one renewed hours ago, one revoked, last
uses over the past days), all made through the services so each has its audit trail. Runs after
portal's demo (companies, gestores, contracts). Idempotent: a key is made once per contract and name.

One key has a PUBLISHED consumer key and secret, so that the README's curl session works against
the demo: only its hash is stored, like any other, but the secret is printed in the README and
here. Demo sites only, as the demo passwords in portal/demo.py.
"""

import datetime

from django.utils import timezone

from credentials import services
from credentials.models import ApiCredential, CredentialEvent
from portal.models import Contract, Membership

PUBLISHED_CONSUMER_KEY = "demo-banco-horizonte"
PUBLISHED_SECRET = "segredo-demo-2026"  # noqa: S105 (published demo secret, in the README)

HOURS = datetime.timedelta(hours=1)
DAYS = datetime.timedelta(days=1)

KEYS = [
    # contract, name, created (ago), last used (ago or None), then: "publicada", "renovada" or "revogada"
    ("CT-2024/00113", "Onboarding de clientes — produção", 200 * DAYS, 2 * HOURS, "publicada"),
    ("CT-2024/00113", "Onboarding de clientes — homologação", 120 * DAYS, 3 * DAYS, "renovada"),
    ("CT-2024/00112", "Sistema de cobrança", 300 * DAYS, 1 * DAYS, ""),
    ("CT-2024/00112", "Aplicativo antigo (descontinuado)", 500 * DAYS, 70 * DAYS, "revogada"),
    ("CT-2023/00250", "Cadastro de cooperados", 40 * DAYS, 6 * HOURS, ""),
    ("CT-2024/00377", "Abertura de conta digital", 10 * DAYS, None, ""),
    ("CT-2026/00018", "ERP — notas de entrada", 90 * DAYS, 5 * DAYS, ""),
]


def seed(stdout) -> None:
    now = timezone.now()
    created = 0
    for number, name, created_ago, used_ago, kind in KEYS:
        contract = Contract.objects.filter(number=number).select_related("organization").first()
        gestor = (
            Membership.objects.filter(organization_id=contract.organization_id, role=Membership.Role.MANAGER)
            .select_related("user")
            .order_by("pk")
            .first()
            if contract
            else None
        )
        if gestor is None or ApiCredential.objects.filter(contract=contract, name=name).exists():
            continue
        credential, _secret = services.credential_create(user=gestor.user, contract=contract, name=name)
        _backdate(credential, CredentialEvent.Action.CREATED, now - created_ago)
        fields = {"created_at": now - created_ago, "last_used_at": now - used_ago if used_ago else None}
        if kind == "publicada":
            fields |= {"consumer_key": PUBLISHED_CONSUMER_KEY, "secret_hash": services.hash_secret(PUBLISHED_SECRET)}
        ApiCredential.objects.filter(pk=credential.pk).update(**fields)
        if kind == "renovada":
            services.credential_rotate(user=gestor.user, credential=credential)
            rotated = now - 3 * HOURS
            ApiCredential.objects.filter(pk=credential.pk).update(
                rotated_at=rotated, previous_secret_valid_until=rotated + services.ROTATION_GRACE
            )
            _backdate(credential, CredentialEvent.Action.ROTATED, rotated)
        elif kind == "revogada":
            services.credential_revoke(user=gestor.user, credential=credential)
            revoked = now - used_ago + 2 * HOURS
            ApiCredential.objects.filter(pk=credential.pk).update(revoked_at=revoked)
            _backdate(credential, CredentialEvent.Action.REVOKED, revoked)
        created += 1
    # The published key keeps its published secret and stays usable, even if someone renewed or
    # revoked it while trying the demo: the README's curl session must keep working.
    ApiCredential.objects.filter(consumer_key=PUBLISHED_CONSUMER_KEY).update(
        secret_hash=services.hash_secret(PUBLISHED_SECRET),
        previous_secret_hash="",
        previous_secret_valid_until=None,
        revoked_at=None,
    )
    total = ApiCredential.objects.count()
    stdout.write(f"  credentials: {total} chaves de acesso ({created} novas)\n")


def _backdate(credential: ApiCredential, action: str, when: datetime.datetime) -> None:
    CredentialEvent.objects.filter(credential=credential, action=action).update(created_at=when)

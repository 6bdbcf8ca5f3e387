"""Granting and revoking a company's consent to share its RFB data with a product.

Only a gestor of the company may change it. Each change is one transaction: the company's row is
locked first, so two changes of the same company run one after the other; the event is appended
and the current state updated together, and a revocation is in effect as soon as it commits.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consent import selectors
from consent.models import REASON_MAX_LENGTH, Consent, ConsentEvent, RfbDataUse
from helpcenter.models import Product
from portal.models import Organization, User


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Informe o motivo."))
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(_("O motivo pode ter no máximo %(max)d caracteres.") % {"max": REASON_MAX_LENGTH})
    return reason


def _change(*, user: User, organization: Organization, product: Product, reason: str, action: str) -> ConsentEvent:
    reason = _clean_reason(reason)
    if not selectors.can_manage(user, organization):
        raise PermissionDenied(_("Só o gestor da empresa pode conceder ou revogar o compartilhamento."))
    if not RfbDataUse.objects.filter(product=product).exists():
        raise ValidationError(_("Este produto não usa dados da Receita Federal: não há o que autorizar."))
    # One change of this company at a time: the state read below is the one the change applies to.
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    current = Consent.objects.select_for_update().filter(organization=organization, product=product).first()
    granted = current is not None and current.granted
    if action == ConsentEvent.Action.GRANTED:
        if granted:
            raise ValidationError(_("O compartilhamento com %(product)s já está concedido.") % {"product": product})
        if not selectors.has_contract_in_force(organization, product):
            raise ValidationError(
                _("A empresa não tem contrato em vigor de %(product)s: não há com quem compartilhar.")
                % {"product": product}
            )
    elif not granted:
        raise ValidationError(_("O compartilhamento com %(product)s não está concedido.") % {"product": product})
    event = ConsentEvent(
        organization=organization,
        product=product,
        action=action,
        reason=reason,
        actor=user,
        actor_name=user.name or user.email,
    )
    event.save()
    if current is None:
        Consent.objects.create(organization=organization, product=product, granted=True, last_event=event)
    else:
        current.granted = action == ConsentEvent.Action.GRANTED
        current.last_event = event
        current.save(update_fields=["granted", "last_event", "updated_at"])
    return event


@transaction.atomic
def consent_grant(*, user: User, organization: Organization, product: Product, reason: str) -> ConsentEvent:
    """The gestor authorises sharing the company's RFB data with a product it has in force."""
    return _change(
        user=user, organization=organization, product=product, reason=reason, action=ConsentEvent.Action.GRANTED
    )


@transaction.atomic
def consent_revoke(*, user: User, organization: Organization, product: Product, reason: str) -> ConsentEvent:
    """The gestor withdraws the authorisation; the product stops receiving the data from now on."""
    return _change(
        user=user, organization=organization, product=product, reason=reason, action=ConsentEvent.Action.REVOKED
    )

"""The customer API, version 1: ``/api/v1/``. Views only translate HTTP; api.selectors reads, api.services writes."""

import base64
import binascii
import datetime
import hashlib
import json
import logging
from typing import Any, Literal
from urllib.parse import unquote_plus

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, RawPostDataException
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger
from ninja.parser import Parser

from api import idempotency, problems, schemas, selectors, services
from api.auth import BearerToken, check_rate, credential_of, unauthenticated
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate
from api.problems import Problem
from credentials.services import token_issue
from portal import ratelimit
from tickets.attachments import StorageUnavailable
from tickets.models import Attachment, Message, Ticket
from tickets.services import TicketActionRefused
from usage import selectors as usage_selectors

logger = logging.getLogger(__name__)

DESCRIPTION = """
API da Área do Cliente para os sistemas da sua empresa: abrir e acompanhar tickets, consultar
contratos, faturas e consumo.

## Autenticação

Como nas APIs do SERPRO, a chave de acesso (consumer key e consumer secret, criada por um gestor
em **Chaves de Acesso**) é trocada por um token de curta duração (OAuth 2.0, client credentials):

```
curl -u "$CONSUMER_KEY:$CONSUMER_SECRET" -d grant_type=client_credentials https://<portal>/api/v1/token
```

Envie o `access_token` recebido em `Authorization: Bearer <token>` em cada requisição. Quando ele
expirar (`expires_in` segundos), peça outro. Uma chave revogada deixa de funcionar na hora; depois
de renovar o segredo, o anterior ainda vale por 24 horas.

Tudo o que a API mostra é da empresa do contrato da chave: um ticket, contrato ou fatura de outra
empresa responde 404.

## Erros

Todo erro responde `application/problem+json` (RFC 9457) com `type`, `title`, `status`, `detail`
e `instance`, e `errors` (com `pointer` ou `parameter`) quando algum campo é inválido. Os textos
vêm no idioma de `Accept-Language` (`pt-BR`, o padrão, `en` ou `es`). O endpoint de token responde
também `error` e `error_description`, como pede a RFC 6749.

O `type` termina com o código do problema: `requisicao-invalida` (400), `nao-autenticado` (401),
`proibido` (403), `nao-encontrado` (404), `metodo-nao-permitido` (405), `conflito` (409), `corpo-grande-demais`
(413), `tipo-de-conteudo-nao-suportado` (415), `dados-invalidos` e
`chave-de-idempotencia-reutilizada` (422), `muitas-requisicoes` (429), `erro-interno` (500) e
`servico-indisponivel` (503).

## Paginação

As listas vêm por cursor: `limit` (até 100) e `cursor`, com o valor de `next_cursor` (ou o endereço
`next`) da página anterior. A ordem é estável: os mais novos primeiro.

## Idempotência

Envie `Idempotency-Key` (até 255 caracteres) nos POST: repetida em até 24 horas, a mesma
requisição não é feita de novo e recebe a mesma resposta (com `Idempotent-Replayed: true`); a mesma
chave com outro corpo responde 422.

## Limites

Cada chave pode fazer até 600 requisições por minuto, e cada endereço IP até 30 pedidos de token
por minuto. Passado o limite, a resposta é 429 com `Retry-After` em segundos.
""".strip()

AUTH_ERRORS = {401: schemas.ProblemOut, 429: schemas.ProblemOut, 500: schemas.ProblemOut}
LIST_ERRORS = {**AUTH_ERRORS, 400: schemas.ProblemOut, 422: schemas.ProblemOut}


class ApiParser(Parser):
    """JSON bodies only, and a clear problem when the body is not JSON."""

    @staticmethod
    def not_json() -> Problem:
        return Problem(415, _("Envie o corpo em JSON, com Content-Type: application/json."))

    def parse_body(self, request: HttpRequest) -> Any:
        if request.content_type != "application/json":
            raise self.not_json()
        try:
            return json.loads(request.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise Problem(400, _("O corpo da requisição não é um JSON válido.")) from None


class Docs(Swagger):
    """Swagger UI from our own static files, in a page of ours (language, accessibility, CSP)."""

    template = "api/docs.html"


IDEMPOTENCY_PARAMETER = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "maxLength": 255},
    "description": "Repetida em até 24 horas, a mesma requisição é feita uma vez só e recebe a mesma resposta.",
}


class CustomerApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"].setdefault("securitySchemes", {})["ChaveDeAcesso"] = {
            "type": "http",
            "scheme": "basic",
            "description": "Consumer key e consumer secret, só para POST /token.",
        }
        schema["components"]["securitySchemes"]["BearerToken"]["description"] = "O access_token de POST /token."
        # Errors answer application/problem+json (the token endpoint's OAuth errors, application/json).
        for path_item in schema["paths"].values():
            for method, operation in path_item.items():
                if method == "post" and operation["operationId"] != "token":
                    operation.setdefault("parameters", []).append(IDEMPOTENCY_PARAMETER)
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
                    if int(status) >= 400 and ref.endswith("/ProblemOut"):
                        answer["content"] = {problems.CONTENT_TYPE: content["application/json"]}
        return schema


api = CustomerApi(
    title="API da Área do Cliente",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=BearerToken(),
    parser=ApiParser(),
    # No validator badge (an outside image), no deep links nested in the operations' buttons, no
    # schema browser (its tiny buttons), so the page passes axe; the schemas are in each operation.
    docs=Docs(
        settings={
            "validatorUrl": None,
            "docExpansion": "list",
            "deepLinking": False,
            "defaultModelsExpandDepth": -1,
            # Plain examples: the highlighter's colours (inline) fail contrast on its dark background.
            "syntaxHighlight": False,
        }
    ),
)


# Errors ------------------------------------------------------------------------------------------


@api.exception_handler(Problem)
def _problem(request, exc: Problem):
    return problems.from_exception(request, exc)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return problems.from_exception(request, unauthenticated(request))


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, Problem):  # raised by ApiParser, wrapped by django-ninja
        return problems.from_exception(request, exc.__cause__)
    return problems.response(request, status=exc.status_code)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problems.response(request, status=404)


def _validation_detail(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return _("Preencha este campo.")
    if kind in {"literal_error", "enum"}:
        expected = (error.get("ctx") or {}).get("expected", "")
        return _("Valor inválido. Use um destes: %(expected)s.") % {"expected": expected}
    if kind.startswith(("int_", "float_", "decimal_")):
        return _("Informe um número.")
    if kind.startswith("string_too_long"):
        return _("Texto longo demais.")
    if kind.startswith(("greater_than", "less_than")):
        return _("Valor fora do intervalo aceito.")
    if kind.startswith(("datetime_", "date_")):
        return _("Data inválida. Use o formato ISO 8601, por exemplo 2026-11-30T14:00:00-03:00.")
    if kind.endswith("_type"):
        return _("Tipo de valor inválido.")
    return _("Valor inválido.")


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc: NinjaValidationError):
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ())]
        item: dict[str, str] = {"detail": _validation_detail(error)}
        if location and location[0] == "body":
            # ("body", "payload", "title") -> "#/title"
            item["pointer"] = "#/" + "/".join(location[2:])
        else:
            item["parameter"] = location[-1] if location else ""
        errors.append(item)
    return problems.response(request, status=422, errors=errors)


@api.exception_handler(RawPostDataException)
def _multipart_body(request, exc):
    # A multipart body, already parsed as a form, sent where a JSON body was expected.
    return problems.from_exception(request, ApiParser.not_json())


@api.exception_handler(Exception)
def _server_error(request, exc):
    logger.exception("Erro na API do cliente", exc_info=exc)
    return problems.response(request, status=500)


def _validation_problem(error: DjangoValidationError) -> Problem:
    errors = [
        {"pointer": f"#/{key}" if key else "#", "detail": str(message)}
        for key, messages in error.message_dict.items()
        for message in messages
    ]
    return Problem(422, errors=errors)


# Token -------------------------------------------------------------------------------------------


def _oauth_error(request, status: int, error: str, description: str, *, challenge: bool = False) -> JsonResponse:
    body = {"error": error, "error_description": description}
    body.update(problems.body(request, status=status, detail=description))
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    response["Pragma"] = "no-cache"
    if challenge:
        response["WWW-Authenticate"] = 'Basic realm="api", charset="UTF-8"'
    return response


def _basic_credentials(request) -> tuple[str, str] | None:
    header = request.headers.get("Authorization", "")
    scheme, _space, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return ("", "")
    key, _colon, secret = decoded.partition(":")
    # RFC 6749 §2.3.1: both are form-encoded before Basic encodes them.
    return unquote_plus(key), unquote_plus(secret)


TOKEN_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["grant_type"],
                    "properties": {
                        "grant_type": {"type": "string", "enum": ["client_credentials"]},
                        "client_id": {"type": "string", "description": "A consumer key, se não usar HTTP Basic."},
                        "client_secret": {"type": "string", "description": "O consumer secret, se não usar Basic."},
                    },
                }
            }
        },
    },
    "security": [{"ChaveDeAcesso": []}, {}],  # HTTP Basic, or client_id and client_secret in the body
}


@api.post(
    "/token",
    auth=None,
    response={
        200: schemas.TokenOut,
        400: schemas.TokenError,
        401: schemas.TokenError,
        415: schemas.TokenError,
        429: schemas.ProblemOut,
        500: schemas.ProblemOut,
    },
    tags=["Autenticação"],
    summary="Trocar a chave de acesso por um token",
    description=(
        "OAuth 2.0 client credentials (RFC 6749 §4.4). Envie a consumer key e o consumer secret em HTTP Basic "
        "(preferível) ou nos campos client_id e client_secret, e grant_type=client_credentials, em "
        "application/x-www-form-urlencoded. Erros: invalid_request (400), unsupported_grant_type (400), "
        "invalid_client (401, com WWW-Authenticate)."
    ),
    operation_id="token",
    openapi_extra=TOKEN_BODY,
)
def token(request: HttpRequest):
    check_rate(ratelimit.limit("api-token-ip"), ratelimit.client_ip(request))
    if request.body and request.content_type != "application/x-www-form-urlencoded":
        return _oauth_error(request, 415, "invalid_request", _("Envie o pedido em application/x-www-form-urlencoded."))
    basic = _basic_credentials(request)
    form_key, form_secret = request.POST.get("client_id", ""), request.POST.get("client_secret", "")
    if basic is not None and (form_key or form_secret):
        return _oauth_error(
            request, 400, "invalid_request", _("Envie a chave em HTTP Basic ou nos campos do corpo, não nos dois.")
        )
    grant = request.POST.get("grant_type", "")
    if not grant:
        return _oauth_error(request, 400, "invalid_request", _("Informe grant_type=client_credentials."))
    if grant != "client_credentials":
        return _oauth_error(request, 400, "unsupported_grant_type", _("Só o grant_type client_credentials é aceito."))
    key, secret = basic if basic is not None else (form_key, form_secret)
    issued = token_issue(consumer_key=key, consumer_secret=secret) if key and secret else None
    if issued is None:
        return _oauth_error(
            request,
            401,
            "invalid_client",
            _("Consumer key ou consumer secret inválidos, ou a chave foi revogada."),
            challenge=True,
        )
    response = JsonResponse(
        {"access_token": issued.access_token, "token_type": "Bearer", "expires_in": issued.expires_in}
    )
    response["Cache-Control"] = "no-store"
    response["Pragma"] = "no-cache"
    return response


# Forms -------------------------------------------------------------------------------------------


@api.get(
    "/forms",
    response={200: schemas.FormList, **AUTH_ERRORS},
    tags=["Tickets"],
    summary="Listar os formulários de ticket",
    description="Os formulários em que a empresa pode abrir tickets, com os tipos aceitos e os campos extras.",
    operation_id="forms_list",
)
def forms_list(request: HttpRequest):
    types = [{"id": kind.pk, "name": kind.name} for kind in selectors.ticket_types()]
    items = [
        {
            "slug": form.slug,
            "name": form.name,
            "product": form.product.name if form.product else None,
            "subject": form.subject.name if form.subject else None,
            "types": types,
            "fields": [
                {
                    "key": field.key,
                    "label": field.label,
                    "kind": field.kind,
                    "required": field.required,
                    "help_text": field.help_text,
                    "choices": field.choice_list,
                }
                for field in form.fields.all()
            ],
        }
        for form in selectors.open_forms()
    ]
    return {"items": items}


# Tickets -----------------------------------------------------------------------------------------


def _ticket_url(request, ticket: Ticket) -> str:
    return request.build_absolute_uri(
        reverse("api-v1:ticket_detail", kwargs={"protocol": f"{ticket.year}SS{ticket.number:05d}"})
    )


def _status_labels() -> dict[str, str]:
    """The statuses' labels in the active language, translated once per request, not once per ticket."""
    return {value: str(label) for value, label in Ticket.Status.choices}


def _summary(request, ticket: Ticket, labels: dict[str, str] | None = None) -> dict[str, Any]:
    labels = labels or _status_labels()
    return {
        "protocol": f"{ticket.year}SS{ticket.number:05d}",
        "url": _ticket_url(request, ticket),
        "title": ticket.title,
        "status": ticket.status,
        "status_label": labels.get(ticket.status, ticket.status),
        "priority": ticket.priority,
        "form": ticket.form.slug,
        "product": ticket.product.name if ticket.product else None,
        "subject": ticket.subject.name if ticket.subject else None,
        "type": ticket.type.name,
        "requester_name": ticket.requester_name,
        "requester_cpf": ticket.cpf_redacted,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
        "closed_at": ticket.closed_at,
        "response_due_at": ticket.response_due_at,
        "resolution_due_at": ticket.resolution_due_at,
    }


def _attachment(attachment: Attachment) -> dict[str, Any]:
    return {
        "name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "uploaded_at": attachment.uploaded_at,
        "message_id": attachment.message_id,
    }


def _message(message: Message, attachments: list[Attachment]) -> dict[str, Any]:
    return {
        "id": message.pk,
        "kind": message.kind,
        "author_name": message.author_name,
        "body": message.body,
        "created_at": message.created_at,
        "attachments": [_attachment(item) for item in attachments if item.message_id == message.pk],
    }


def _detail(request, ticket: Ticket) -> dict[str, Any]:
    attachments = list(selectors.public_attachments(ticket))
    return {
        **_summary(request, ticket),
        "description": ticket.description,
        "email": ticket.email,
        "phone": ticket.phone,
        "language": ticket.language,
        "extra": [{"label": str(item.get("label", "")), "value": str(item.get("value", ""))} for item in ticket.extra],
        "messages": [_message(message, attachments) for message in selectors.public_messages(ticket)],
        "attachments": [_attachment(item) for item in attachments],
    }


def _json(schema, data: dict[str, Any]) -> dict[str, Any]:
    """What ninja would render for ``data`` (dates as ISO 8601), for answers kept by idempotency."""
    return schema.model_validate(data).model_dump(mode="json")


@api.get(
    "/tickets",
    response={200: schemas.TicketList, **LIST_ERRORS},
    tags=["Tickets"],
    summary="Listar os tickets da empresa",
    description=(
        "Os tickets da empresa como um gestor os vê no portal, os mais novos primeiro. Filtre por situação, "
        "formulário e data de abertura."
    ),
    operation_id="tickets_list",
)
def tickets_list(
    request: HttpRequest,
    status: Literal["aberto", "em_atendimento", "aguardando_cliente", "aguardando_atendimento", "resolvido", "fechado"]
    | None = None,
    form: str | None = Query(None, max_length=80, description="O slug do formulário."),
    created_after: datetime.datetime | None = None,
    created_before: datetime.datetime | None = None,
    cursor: str | None = Query(None, max_length=500),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    tickets = selectors.company_tickets(credential_of(request).contract.organization)
    if status:
        tickets = tickets.filter(status=status)
    if form:
        tickets = tickets.filter(form__slug=form)
    if created_after:
        tickets = tickets.filter(created_at__gte=created_after)
    if created_before:
        tickets = tickets.filter(created_at__lt=created_before)
    page = paginate(request, tickets, field="created_at", cursor=cursor, limit=limit)
    labels = _status_labels()
    return {
        "items": [_summary(request, ticket, labels) for ticket in page.items],
        "next_cursor": page.next_cursor,
        "next": page.next,
    }


@api.post(
    "/tickets",
    response={
        201: schemas.TicketDetail,
        400: schemas.ProblemOut,
        413: schemas.ProblemOut,
        415: schemas.ProblemOut,
        422: schemas.ProblemOut,
        **AUTH_ERRORS,
    },  # fmt: skip
    tags=["Tickets"],
    summary="Abrir um ticket",
    description=(
        "Abre um ticket num formulário (GET /forms), para a empresa da chave, com as mesmas regras do portal: "
        "campos obrigatórios, CPF e e-mail válidos, respostas dos campos extras pela key de cada um. "
        "Anexos vão numa mensagem depois (POST /tickets/{protocol}/messages)."
    ),
    operation_id="tickets_open",
)
def tickets_open(request: HttpRequest, payload: schemas.TicketIn):
    credential = credential_of(request)
    key = idempotency.request_key(request)
    data = payload.model_dump()

    def work() -> tuple[int, dict[str, Any]]:
        try:
            ticket, _created = services.ticket_open(
                credential=credential,
                data=data,
                language=translation.get_language(),
                idempotency_key=key,
                fingerprint=idempotency.fingerprint(request, data),
            )
        except DjangoValidationError as error:
            raise _validation_problem(error) from None
        ticket = selectors.company_tickets(credential.contract.organization).get(pk=ticket.pk)
        return 201, _json(schemas.TicketDetail, _detail(request, ticket))

    return idempotency.run(request, credential=credential, key=key, data=data, work=work)


def _company_ticket(request, protocol: str) -> Ticket:
    ticket = selectors.company_ticket(credential_of(request).contract.organization, protocol)
    if ticket is None:
        raise Problem(404, _("Não há ticket com este protocolo nesta empresa."))
    return ticket


@api.get(
    "/tickets/{protocol}",
    response={200: schemas.TicketDetail, 404: schemas.ProblemOut, **AUTH_ERRORS},
    tags=["Tickets"],
    summary="Ler um ticket",
    description=(
        "Um ticket da empresa pelo protocolo (2026SS00042), com a conversa pública e os dados dos anexos. "
        "Notas internas da equipe nunca aparecem."
    ),
    operation_id="ticket_detail",
    url_name="ticket_detail",
)
def ticket_detail(request: HttpRequest, protocol: str):
    return _detail(request, _company_ticket(request, protocol))


REPLY_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["body"],
                    "properties": {
                        "body": {"type": "string", "maxLength": 5000},
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Até 5 arquivos, 10 MB cada e 25 MB no total: PDF, PNG, JPEG, TXT, "
                            "CSV, DOCX, XLSX ou ODT, conferidos pelo conteúdo.",
                        },
                    },
                }
            }
        },
    },
}


@api.post(
    "/tickets/{protocol}/messages",
    response={
        201: schemas.MessageOut,
        400: schemas.ProblemOut,
        404: schemas.ProblemOut,
        409: schemas.ProblemOut,
        413: schemas.ProblemOut,
        415: schemas.ProblemOut,
        422: schemas.ProblemOut,
        503: schemas.ProblemOut,
        **AUTH_ERRORS,
    },  # fmt: skip
    tags=["Tickets"],
    summary="Responder a um ticket",
    description=(
        "Uma nova mensagem da empresa no ticket, com anexos (multipart/form-data). Um ticket fechado responde 409; "
        "se o armazenamento dos anexos falhar, 503 com Retry-After, e nada é registrado."
    ),
    operation_id="ticket_reply",
    openapi_extra=REPLY_BODY,
)
def ticket_reply(request: HttpRequest, protocol: str):
    credential = credential_of(request)
    ticket = _company_ticket(request, protocol)
    if request.content_type not in {"multipart/form-data", "application/x-www-form-urlencoded"}:
        raise Problem(415, _("Envie a mensagem em multipart/form-data, com o campo body e os arquivos em files."))
    key = idempotency.request_key(request)
    data = {
        "body": request.POST.get("body", ""),
        "files": [[item.name, item.size, _digest(item)] for item in request.FILES.getlist("files")],
    }

    def work() -> tuple[int, dict[str, Any]]:
        try:
            message = services.ticket_reply(ticket=ticket, data=request.POST, files=request.FILES)
        except DjangoValidationError as error:
            raise _validation_problem(error) from None
        except TicketActionRefused as refused:
            raise Problem(409, refused.message) from None
        except StorageUnavailable:
            raise Problem(
                503,
                _("Não foi possível guardar os anexos agora, e nada foi registrado. Envie de novo em alguns minutos."),
                headers={"Retry-After": "60"},
            ) from None
        attachments = list(message.attachments.all())
        return 201, _json(schemas.MessageOut, _message(message, attachments))

    return idempotency.run(request, credential=credential, key=key, data=data, work=work)


def _digest(uploaded) -> str:
    sha = hashlib.sha256()
    for chunk in uploaded.chunks():
        sha.update(chunk)
    uploaded.seek(0)
    return sha.hexdigest()


# Contracts, invoices, usage ----------------------------------------------------------------------


@api.get(
    "/contracts",
    response={200: schemas.ContractList, **LIST_ERRORS},
    tags=["Contratos e faturas"],
    summary="Listar os contratos da empresa",
    operation_id="contracts_list",
)
def contracts_list(
    request: HttpRequest,
    status: Literal["ativo", "suspenso", "encerrado"] | None = None,
    cursor: str | None = Query(None, max_length=500),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    contracts = selectors.company_contracts(credential_of(request).contract.organization)
    if status:
        contracts = contracts.filter(status=status)
    page = paginate(request, contracts, field="start_date", kind=datetime.date, cursor=cursor, limit=limit)
    items = [
        {
            "number": contract.number,
            "product": contract.product.name,
            "status": contract.status,
            "status_label": str(contract.get_status_display()),
            "start_date": contract.start_date,
            "end_date": contract.end_date,
            "monthly_value": None if contract.monthly_value is None else str(contract.monthly_value),
        }
        for contract in page.items
    ]
    return {"items": items, "next_cursor": page.next_cursor, "next": page.next}


def _invoice(invoice, today: datetime.date) -> dict[str, Any]:
    situation = invoice.situation_on(today)
    return {
        "number": invoice.number,
        "contract": invoice.contract.number,
        "period": invoice.period,
        "issue_date": invoice.issue_date,
        "due_date": invoice.due_date,
        "amount": str(invoice.amount),
        "situation": situation,
        "situation_label": str(invoice.SITUATIONS[situation]),
        "paid_at": invoice.paid_at,
    }


def _no_such_contract() -> Problem:
    return Problem(404, _("Não há contrato com este número nesta empresa."))


@api.get(
    "/invoices",
    response={200: schemas.InvoiceList, 404: schemas.ProblemOut, **LIST_ERRORS},
    tags=["Contratos e faturas"],
    summary="Listar as faturas da empresa",
    description=(
        "As faturas dos contratos da empresa, da competência mais recente para a mais antiga. Um contrato "
        "que não é da empresa responde 404."
    ),
    operation_id="invoices_list",
)
def invoices_list(
    request: HttpRequest,
    situation: Literal["aberta", "vencida", "paga", "cancelada"] | None = None,
    contract: str | None = Query(None, max_length=30, description="O número do contrato."),
    cursor: str | None = Query(None, max_length=500),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    organization = credential_of(request).contract.organization
    invoices = selectors.company_invoices(organization)
    today = timezone.localdate()
    if situation:
        invoices = invoices.in_situation(situation, today=today)
    if contract:
        if not selectors.company_contracts(organization).filter(number=contract).exists():
            raise _no_such_contract()
        invoices = invoices.filter(contract__number=contract)
    page = paginate(request, invoices, field="period", kind=datetime.date, cursor=cursor, limit=limit)
    return {
        "items": [_invoice(invoice, today) for invoice in page.items],
        "next_cursor": page.next_cursor,
        "next": page.next,
    }


@api.get(
    "/invoices/{number}",
    response={200: schemas.InvoiceOut, 404: schemas.ProblemOut, **AUTH_ERRORS},
    tags=["Contratos e faturas"],
    summary="Ler uma fatura",
    description="Uma fatura da empresa pelo número; a de outra empresa responde 404.",
    operation_id="invoice_detail",
)
def invoice_detail(request: HttpRequest, number: str):
    invoice = selectors.company_invoices(credential_of(request).contract.organization).filter(number=number).first()
    if invoice is None:
        raise Problem(404, _("Não há fatura com este número nesta empresa."))
    return _invoice(invoice, timezone.localdate())


@api.get(
    "/usage",
    response={200: schemas.UsageOut, **LIST_ERRORS, 404: schemas.ProblemOut},
    tags=["Consumo"],
    summary="Consultar o consumo",
    description="O consumo de cada contrato por mês, ao lado do mesmo mês do ano anterior e da franquia.",
    operation_id="usage_read",
)
def usage_read(
    request: HttpRequest,
    months: int = Query(12, description="12 ou 24 meses.", enum=list(usage_selectors.PERIODS)),
    contract: str | None = Query(None, max_length=30, description="Só este contrato."),
):
    if months not in usage_selectors.PERIODS:
        raise Problem(422, errors=[{"parameter": "months", "detail": _("Use 12 ou 24.")}])
    contracts = selectors.usage_contracts(credential_of(request).contract.organization)
    if contract:
        contracts = [item for item in contracts if item.number == contract]
        if not contracts:
            raise _no_such_contract()
    items = [
        {
            "contract": usage.contract.number,
            "product": usage.contract.product.name,
            "unit": usage.unit,
            "allowance": usage.allowance,
            "total": usage.total,
            "months": [
                {
                    "month": month.month,
                    "quantity": month.quantity,
                    "previous_year": month.previous_year,
                    "allowance": month.allowance,
                    "above_allowance": month.above_allowance,
                    "partial": month.partial_until is not None,
                }
                for month in usage.months
            ],
        }
        for usage in usage_selectors.monthly_usage(contracts, months=months)
    ]
    return {"months": months, "items": items}


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other address under /api/v1/: a 404 problem, not the portal's page."""
    return problems.response(request, status=404)

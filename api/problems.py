"""Errors of the customer API as RFC 9457 problem details (``application/problem+json``).

Every error the API answers, whoever raises it (our endpoints, django-ninja's validation, a
middleware before the view, an unknown URL), has the same shape, in the request's language:
``type``, ``title``, ``status``, ``detail``, ``instance``, and ``errors`` for invalid input.
"""

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:area-do-cliente:api:problema:"

#: The problem codes (the end of ``type``) and their statuses; the documentation lists them.
CODES = {
    "requisicao-invalida": 400,
    "nao-autenticado": 401,
    "proibido": 403,
    "nao-encontrado": 404,
    "metodo-nao-permitido": 405,
    "conflito": 409,
    "corpo-grande-demais": 413,
    "tipo-de-conteudo-nao-suportado": 415,
    "dados-invalidos": 422,
    "chave-de-idempotencia-reutilizada": 422,
    "muitas-requisicoes": 429,
    "erro-interno": 500,
    "servico-indisponivel": 503,
}
CODE_FOR_STATUS = {
    400: "requisicao-invalida",
    401: "nao-autenticado",
    403: "proibido",
    404: "nao-encontrado",
    405: "metodo-nao-permitido",
    409: "conflito",
    413: "corpo-grande-demais",
    415: "tipo-de-conteudo-nao-suportado",
    422: "dados-invalidos",
    429: "muitas-requisicoes",
    500: "erro-interno",
    503: "servico-indisponivel",
}


def titles() -> dict[str, str]:
    """Each problem's title, in the active language."""
    return {
        "requisicao-invalida": _("Requisição inválida"),
        "nao-autenticado": _("Não autenticado"),
        "proibido": _("Acesso negado"),
        "nao-encontrado": _("Não encontrado"),
        "metodo-nao-permitido": _("Método não permitido"),
        "conflito": _("Conflito"),
        "corpo-grande-demais": _("Requisição grande demais"),
        "tipo-de-conteudo-nao-suportado": _("Tipo de conteúdo não suportado"),
        "dados-invalidos": _("Dados inválidos"),
        "chave-de-idempotencia-reutilizada": _("Chave de idempotência reutilizada"),
        "muitas-requisicoes": _("Muitas requisições"),
        "erro-interno": _("Erro interno"),
        "servico-indisponivel": _("Serviço indisponível"),
    }


def default_details() -> dict[int, str]:
    return {
        400: _("A requisição não pôde ser entendida."),
        401: _("Envie um token de acesso válido no cabeçalho Authorization: Bearer."),
        403: _("Esta chave não pode fazer esta operação."),
        404: _("O endereço ou o recurso pedido não existe."),
        405: _("Este endereço não aceita este método HTTP."),
        409: _("A operação conflita com o estado atual do recurso."),
        413: _("O corpo da requisição passa do limite aceito."),
        415: _("Envie o corpo no formato que esta operação aceita."),
        422: _("Revise os campos indicados em errors."),
        429: _("Muitas requisições em pouco tempo. Aguarde o tempo indicado em Retry-After."),
        500: _("Algo deu errado do nosso lado. Tente de novo em alguns minutos."),
        503: _("O serviço está indisponível por alguns instantes. Tente de novo depois do tempo em Retry-After."),
    }


@dataclass
class Problem(Exception):
    """Raise to answer with a problem; the API's exception handler renders it."""

    status: int
    detail: "StrOrPromise" = ""
    code: str = ""
    errors: list[dict[str, Any]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


def body(request: HttpRequest, *, status: int, detail: "StrOrPromise" = "", code: str = "", errors=None) -> dict:
    code = code or CODE_FOR_STATUS.get(status, "requisicao-invalida" if status < 500 else "erro-interno")
    data: dict[str, Any] = {
        "type": TYPE_PREFIX + code,
        "title": titles()[code],
        "status": status,
        "detail": str(detail or default_details().get(status, "")),
        "instance": request.path,
    }
    if errors:
        data["errors"] = errors
    return data


def response(
    request: HttpRequest,
    *,
    status: int,
    detail: "StrOrPromise" = "",
    code: str = "",
    errors=None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    answer = HttpResponse(
        json.dumps(body(request, status=status, detail=detail, code=code, errors=errors), ensure_ascii=False),
        status=status,
        content_type=CONTENT_TYPE,
    )
    for name, value in (headers or {}).items():
        answer[name] = value
    return answer


def from_exception(request: HttpRequest, problem: Problem) -> HttpResponse:
    return response(
        request,
        status=problem.status,
        detail=problem.detail,
        code=problem.code,
        errors=problem.errors,
        headers=problem.headers,
    )

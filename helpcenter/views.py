from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from helpcenter import services
from helpcenter.forms import SearchForm, VoteForm
from helpcenter.models import Article, DocumentationPage, FaqCategory, Product
from helpcenter.page_cache import public_page
from helpcenter.search import search as run_search
from helpcenter.search import suggest

FEATURED_ON_HOME = 6
RESULTS_PER_PAGE = 10
# A category's questions come in pages of this many: a category of thousands stays one quick page.
QUESTIONS_PER_PAGE = 50


class CountedPaginator(Paginator):
    """A paginator given its count (a category's published counter) instead of counting the rows."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _categories():
    return FaqCategory.objects.with_published_counts()


@login_not_required
@require_safe
@public_page
def home(request):
    featured = Article.objects.published().featured().select_related("category")[:FEATURED_ON_HOME]
    return render(
        request,
        "helpcenter/home.html",
        {"help_section": "home", "categories": _categories(), "featured": featured},
    )


@login_not_required
@require_safe
@public_page
def faq(request):
    return render(request, "helpcenter/faq.html", {"help_section": "faq", "categories": _categories()})


@login_not_required
@require_safe
@public_page
def category(request, slug):
    categories = list(_categories())
    current = next((item for item in categories if item.slug == slug), None)
    if current is None:
        raise Http404
    articles = Article.objects.published().filter(category=current).order_by("order", "pk")
    page = CountedPaginator(articles, QUESTIONS_PER_PAGE, count=current.published_articles).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "helpcenter/category.html",
        {
            "help_section": "faq",
            "categories": categories,
            "category": current,
            "page": page,
            "voted": services.voted_articles(request.session),
        },
    )


@login_not_required
@require_safe
@public_page
def question(request, slug, article_slug):
    """One question on a page of its own, its answer shown: a link to it works without JavaScript."""
    categories = list(_categories())
    current = next((item for item in categories if item.slug == slug), None)
    if current is None:
        raise Http404
    in_category = Article.objects.published().filter(category=current)
    article = get_object_or_404(in_category, slug=article_slug)
    article.category = current
    others = in_category.exclude(pk=article.pk).only("question", "slug", "category_id").order_by("order", "pk")
    return render(
        request,
        "helpcenter/question.html",
        {
            "help_section": "faq",
            "categories": categories,
            "category": current,
            "article": article,
            "others": others,
            "voted": services.voted_articles(request.session),
        },
    )


@login_not_required
@require_POST
def article_vote(request, slug, article_slug):
    article = get_object_or_404(
        Article.objects.published().select_related("category"), category__slug=slug, slug=article_slug
    )
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Escolha “Sim” ou “Não” para avaliar a resposta."))
    elif services.article_vote(session=request.session, article=article, helpful=form.cleaned_data["helpful"]):
        messages.success(request, _("Obrigado! Sua avaliação ajuda a melhorar as respostas."))
    else:
        messages.info(request, _("Você já avaliou esta resposta. Obrigado!"))
    return redirect(article.get_absolute_url())


def _products():
    return Product.objects.active().only("name", "slug")


@login_not_required
@require_safe
@public_page
def products(request):
    return render(request, "helpcenter/products.html", {"help_section": "products", "products": _products()})


@login_not_required
@require_safe
@public_page
def product(request, slug):
    # Whether a ticket form exists for it, through the relation the tickets app declares (no import).
    open_forms = Count("ticket_forms", filter=Q(ticket_forms__active=True))
    product = get_object_or_404(
        Product.objects.active()
        .annotate(open_forms=open_forms)
        .prefetch_related(Prefetch("documentation", queryset=DocumentationPage.objects.published(), to_attr="pages")),
        slug=slug,
    )
    return render(
        request,
        "helpcenter/product.html",
        {"help_section": "products", "products": _products(), "product": product},
    )


def _search_missed(request, query: str | None) -> None:
    """A cached page of a search that found nothing: the search still counts, as on a miss."""
    if query:
        services.empty_search_record(query)


@login_not_required
@require_safe
@public_page(on_hit=_search_missed)
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page, suggestion = None, ""
    if query:
        results = run_search(query)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        suggestion = results.suggestion
        if not page.paginator.count:
            services.empty_search_record(query)
    categories = _categories() if page is None or not page.object_list else []
    response = render(
        request,
        "helpcenter/search.html",
        {"search_form": form, "query": query, "page": page, "categories": categories, "suggestion": suggestion},
    )
    response.cache_note = query if page is not None and not page.paginator.count else None
    return response


@staff_member_required
@require_safe
def preview(request, kind, pk):
    """What a question or documentation page looks like, published or not: the admin's "Ver no site"."""
    queryset = {
        "pergunta": Article.objects.select_related("category"),
        "documentacao": DocumentationPage.objects.select_related("product"),
    }[kind]
    item = get_object_or_404(queryset, pk=pk)
    return render(request, "helpcenter/preview.html", {"item": item, "kind": kind})


@login_not_required
@require_safe
def suggestions(request):
    """The "Estas respostas podem ajudar" box, refreshed by script while a ticket's subject is typed."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return render(request, "helpcenter/includes/suggestions.html", {"suggestions": suggest(query, limit=3)})

from django.urls import path, re_path

from helpcenter import views

app_name = "helpcenter"

urlpatterns = [
    path("", views.home, name="home"),
    path("duvidas/", views.faq, name="faq"),
    path("duvidas/<slug:slug>/", views.category, name="category"),
    path("duvidas/<slug:slug>/<slug:article_slug>/", views.question, name="question"),
    path("duvidas/<slug:slug>/<slug:article_slug>/util/", views.article_vote, name="article_vote"),
    path("produtos/", views.products, name="products"),
    path("produtos/<slug:slug>/", views.product, name="product"),
    path("busca/", views.search, name="search"),
    path("sugestoes/", views.suggestions, name="suggestions"),
    re_path(r"^previa/(?P<kind>pergunta|documentacao)/(?P<pk>[0-9]+)/$", views.preview, name="preview"),
]

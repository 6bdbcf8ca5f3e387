from django.urls import path

from credentials import views

app_name = "credentials"

urlpatterns = [
    path("", views.key_list, name="list"),
    path("nova/", views.key_create, name="create"),
    path("historico/", views.audit, name="audit"),
    path("<int:pk>/renovar/", views.key_rotate, name="rotate"),
    path("<int:pk>/revogar/", views.key_revoke, name="revoke"),
]

from django.urls import path

from contacts import views

app_name = "contacts"

urlpatterns = [
    path("", views.contact_list, name="list"),
    path("convidar/", views.invite, name="invite"),
    path("historico/", views.history, name="history"),
    path("vinculos/<int:pk>/papel/", views.change_role, name="change_role"),
    path("vinculos/<int:pk>/desativar/", views.deactivate, name="deactivate"),
    path("inativos/<int:pk>/reativar/", views.reactivate, name="reactivate"),
    path("convites/<int:pk>/reenviar/", views.resend, name="resend"),
    path("convites/<int:pk>/cancelar/", views.cancel, name="cancel"),
    path("convite/", views.accept, name="accept"),
    path("convite/sair/", views.accept_sign_out, name="accept_sign_out"),
    path("convite/<str:token>/", views.invitation, name="invitation"),
]

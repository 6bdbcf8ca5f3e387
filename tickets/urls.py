from django.urls import path, register_converter

from tickets import views


class ProtocolNumberConverter:
    """The number part of a protocol: five digits or more (00042, 100000)."""

    regex = "[0-9]{5,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):05d}"


register_converter(ProtocolNumberConverter, "protocol_number")

app_name = "tickets"

urlpatterns = [
    path("novo/<slug:slug>/", views.new, name="new"),
    path("novo/<slug:slug>/limpar/", views.clear, name="clear"),
    path("enviado/<int:year>SS/<protocol_number:number>/", views.confirmation, name="confirmation"),
    path("consultar/", views.consult, name="consult"),
    path("acesso/<str:token>/", views.access, name="access"),
    path("<int:year>SS/<protocol_number:number>/", views.detail, name="detail"),
    path("<int:year>SS/<protocol_number:number>/responder/", views.reply, name="reply"),
    path("<int:year>SS/<protocol_number:number>/fechar/", views.close, name="close"),
    path("<int:year>SS/<protocol_number:number>/reabrir/", views.reopen, name="reopen"),
    path("<int:year>SS/<protocol_number:number>/avaliar/", views.rate, name="rate"),
    path("<int:year>SS/<protocol_number:number>/anexos/<str:token>/", views.attachment, name="attachment"),
]

from django.urls import path, register_converter

from tickets import views


class ProtocolNumberConverter:
    """The number part of a protocol: five digits or more (00042, 100000)."""

    regex = "[0-9]{5,9}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):05d}"


register_converter(ProtocolNumberConverter, "protocol_number")

app_name = "tickets"

urlpatterns = [
    path("novo/<slug:slug>/", views.new, name="new"),
    path("novo/<slug:slug>/limpar/", views.clear, name="clear"),
    path("enviado/<int:year>SS/<protocol_number:number>/", views.confirmation, name="confirmation"),
]

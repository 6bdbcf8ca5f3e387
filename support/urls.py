from django.urls import path

from support import views

app_name = "support"

urlpatterns = [
    path("", views.support, name="support"),
    path("novo/", views.chooser, name="new"),
]

from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("nova/", views.request_new, name="new"),
    path("<int:pk>/", views.request_detail, name="detail"),
]

app_name = "consent"

urlpatterns: list = []

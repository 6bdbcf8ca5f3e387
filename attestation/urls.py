app_name = "attestation"

urlpatterns: list = []

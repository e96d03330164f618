from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("set-up/", views.SetUpView.as_view(), name="set_up"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
]

from django.urls import path

from enquiries import views

app_name = "enquiries"

urlpatterns = [
    path("send/", views.submit, name="submit"),
    path("sent/", views.sent, name="sent"),
]

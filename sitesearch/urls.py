from django.urls import path

from sitesearch import views

app_name = "sitesearch"

urlpatterns = [
    path("", views.search, name="search"),
]

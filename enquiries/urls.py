from django.urls import path

from enquiries import reply_views, views

app_name = "enquiries"

urlpatterns = [
    path("send/", views.submit, name="submit"),
    path("sent/", views.sent, name="sent"),
    # The secure link in a reply's email, and the steps behind it (enquiries/reply_views.py).
    path("replies/<str:token>/", reply_views.reply, name="reply"),
    path("replies/<str:token>/send-code/", reply_views.send_code, name="reply_send_code"),
    path("replies/<str:token>/code/", reply_views.enter_code, name="reply_code"),
    path("replies/<str:token>/answer/", reply_views.answer, name="reply_answer"),
    path("replies/<str:token>/sent/", reply_views.answer_sent, name="reply_sent"),
]

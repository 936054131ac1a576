from django.urls import path

from ratusz.inbox import views

app_name = "inbox"
urlpatterns = [
    path("", views.conversation_list, name="conversation-list"),
    path("c/<uuid:uuid>/", views.conversation_detail, name="conversation-detail"),
    path("c/<uuid:uuid>/reply", views.reply_create, name="reply-create"),
    path("c/<uuid:uuid>/assign", views.conversation_assign, name="conversation-assign"),
    path("c/<uuid:uuid>/status", views.conversation_status, name="conversation-status"),
    path("c/<uuid:uuid>/note", views.note_create, name="note-create"),
    path("c/<uuid:uuid>/presence", views.presence, name="presence"),
    path("m/<uuid:uuid>/retry", views.reply_retry, name="reply-retry"),
    path("m/<uuid:uuid>/label", views.message_label, name="message-label"),
    path("c/<uuid:uuid>/deadline", views.deadline_create, name="deadline-create"),
    path("d/<uuid:uuid>/done", views.deadline_done, name="deadline-done"),
    path("d/<uuid:uuid>/owner", views.deadline_owner, name="deadline-owner"),
    path("deadlines/", views.deadline_list, name="deadline-list"),
]

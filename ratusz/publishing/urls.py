"""Mounted under /o/<slug>/posty/."""

from django.urls import path

from ratusz.publishing import views

urlpatterns = [
    path("", views.post_list, name="publishing-posts"),
    path("nowy", views.composer, name="publishing-new"),
    path("sprawdz", views.composer_check, name="publishing-check"),
    path("kalendarz", views.post_calendar, name="publishing-calendar"),
    path("ustawienia", views.publishing_settings, name="publishing-settings"),
    path("zadania/<int:pk>", views.task_done, name="publishing-task-done"),
    path("<uuid:uuid>", views.post_detail, name="publishing-post"),
    path("<uuid:uuid>/edytuj", views.composer, name="publishing-edit"),
    path("<uuid:uuid>/<str:action>", views.post_action, name="publishing-action"),
]

from django.urls import path

from ratusz.intake import views

app_name = "intake"
urlpatterns = [path("meta", views.meta_webhook, name="meta")]

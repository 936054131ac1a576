from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from ratusz.web import views as web_views
from ratusz.web.forms import ThrottledAuthenticationForm

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="inbox:conversation-list"), name="home"),
    path("login/", auth_views.LoginView.as_view(authentication_form=ThrottledAuthenticationForm),
         name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("webhooks/", include("ratusz.intake.urls")),
    path("inbox/", include("ratusz.inbox.urls")),
    path("o/<slug:slug>/status/", web_views.status, name="status"),
]

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from ratusz.answers import views as answers_views
from ratusz.api.api import api
from ratusz.moderation import views as moderation_views
from ratusz.publishing import views as publishing_views
from ratusz.triage import views as triage_views
from ratusz.web import views as web_views
from ratusz.web.forms import ThrottledAuthenticationForm

urlpatterns = [
    path("api/v1/", api.urls),
    path("", RedirectView.as_view(pattern_name="inbox:conversation-list"), name="home"),
    path("login/", auth_views.LoginView.as_view(authentication_form=ThrottledAuthenticationForm),
         name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("media/<path:path>", publishing_views.media, name="media"),
    path("webhooks/", include("ratusz.intake.urls")),
    path("inbox/", include("ratusz.inbox.urls")),
    path("o/<slug:slug>/status/", web_views.status, name="status"),
    path("o/<slug:slug>/posty/", include("ratusz.publishing.urls")),
    path("", include("ratusz.reports.urls")),
    path("o/<slug:slug>/", include("ratusz.moderation.urls")),
    path("o/<slug:slug>/szablony", answers_views.template_list, name="answers-templates"),
    path("o/<slug:slug>/wiedza", answers_views.knowledge_list, name="answers-knowledge"),
    path("o/<slug:slug>/pytania", answers_views.handoff_queue, name="answers-handoffs"),
    path("o/<slug:slug>/do-zatwierdzenia", answers_views.draft_queue, name="answers-drafts"),
    path("o/<slug:slug>/do-zatwierdzenia/<uuid:uuid>", answers_views.draft_review,
         name="answers-draft"),
    path("o/<slug:slug>/pytania/<uuid:uuid>", answers_views.handoff_detail,
         name="answers-handoff"),
    path("inbox/c/<uuid:uuid>/zapytaj", answers_views.handoff_ask, name="answers-handoff-ask"),
    path("inbox/c/<uuid:uuid>/prywatnie", answers_views.move_private,
         name="answers-move-private"),
    path("wiedza/z-odpowiedzi/<uuid:uuid>", answers_views.knowledge_promote,
         name="answers-knowledge-promote"),
    path("o/<slug:slug>/szablony/<int:pk>", answers_views.template_list,
         name="answers-template-edit"),
    path("o/<slug:slug>/szablony/<int:pk>/wycofaj", answers_views.template_retire,
         name="answers-template-retire"),
    path("zglos/<uuid:uuid>", moderation_views.review_report, name="moderation-report"),
    path("o/<slug:slug>/triage/", triage_views.triage_settings, name="triage-settings"),
    path("o/<slug:slug>/triage/routes", triage_views.routes_save, name="triage-routes"),
    path("o/<slug:slug>/triage/protection", triage_views.protection_save,
         name="triage-protection"),
    path("o/<slug:slug>/calendar/", web_views.calendar_edit, name="calendar"),
    path("o/<slug:slug>/calendar/settings", web_views.calendar_settings_save,
         name="calendar-settings"),
    path("o/<slug:slug>/calendar/hours", web_views.calendar_hours_save, name="calendar-hours"),
    path("o/<slug:slug>/calendar/complaints", web_views.calendar_complaints_save,
         name="calendar-complaints"),
    path("o/<slug:slug>/calendar/channels/<uuid:uuid>", web_views.calendar_channel_target,
         name="calendar-channel-target"),
    path("o/<slug:slug>/calendar/closures", web_views.calendar_closure_add,
         name="calendar-closure-add"),
    path("o/<slug:slug>/calendar/closures/<int:pk>/remove", web_views.calendar_closure_remove,
         name="calendar-closure-remove"),
]

"""Mounted at the site root: the desk's dashboard under /o/<slug>/raporty/, the public monthly
report under /o/<slug>/raport/<YYYY-MM> (with .pdf and .csv)."""

from django.urls import path, re_path

from ratusz.reports import views

MONTH = r"(?P<month>\d{4}-\d{2})"
SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"

urlpatterns = [
    path("o/<slug:slug>/raporty/", views.dashboard, name="reports-dashboard"),
    path("o/<slug:slug>/raporty/generuj", views.report_generate, name="reports-generate"),
    re_path(rf"^o/{SLUG}/raport/$", views.report_index, name="reports-index"),
    re_path(rf"^o/{SLUG}/raport/{MONTH}$", views.report_page, name="reports-report"),
    re_path(rf"^o/{SLUG}/raport/{MONTH}\.pdf$", views.report_pdf, name="reports-pdf"),
    re_path(rf"^o/{SLUG}/raport/{MONTH}\.csv$", views.report_csv, name="reports-csv"),
    re_path(rf"^o/{SLUG}/raport/{MONTH}/publikuj$", views.report_publish,
            name="reports-publish"),
]

"""Mounted under /o/<slug>/: public pages in Polish words residents can type, the desk under
moderacja/."""

from django.urls import path

from ratusz.moderation import views

urlpatterns = [
    path("regulamin", views.regulamin_public, name="moderation-regulamin"),
    path("regulamin/v<int:version>", views.regulamin_public,
         name="moderation-regulamin-version"),
    path("odwolanie", views.appeal_public, name="moderation-appeal"),
    path("odwolanie/<uuid:uuid>", views.appeal_status, name="moderation-appeal-status"),
    path("rejestr-moderacji", views.register_public, name="moderation-register"),
    path("uzasadnienie/<uuid:uuid>", views.statement_public, name="moderation-statement"),
    path("moderacja/", views.queue, name="moderation-queue"),
    path("moderacja/akt", views.act_new, name="moderation-act-new"),
    path("moderacja/akty/<uuid:uuid>", views.act_detail, name="moderation-act"),
    path("moderacja/akty/<uuid:uuid>/zatwierdz", views.act_approve,
         name="moderation-act-approve"),
    path("moderacja/akty/<uuid:uuid>/odrzuc", views.act_refuse, name="moderation-act-refuse"),
    path("moderacja/akty/<uuid:uuid>/utrzymaj", views.block_keep, name="moderation-block-keep"),
    path("moderacja/zatwierdzenia", views.approvals, name="moderation-approvals"),
    path("moderacja/blokady", views.blocks, name="moderation-blocks"),
    path("moderacja/przeglad/<int:pk>/bez-zmian", views.review_keep,
         name="moderation-review-keep"),
    path("moderacja/odwolania", views.appeal_list, name="moderation-appeals"),
    path("moderacja/odwolania/<uuid:uuid>", views.appeal_decide, name="moderation-appeal-decide"),
    path("moderacja/udip", views.udip_pack, name="moderation-udip"),
    path("moderacja/wybory", views.elections, name="moderation-elections"),
    path("moderacja/konta/<int:pk>/oznacz", views.account_mark, name="moderation-account-mark"),
    path("moderacja/regulamin", views.regulamin_admin, name="moderation-regulamin-admin"),
    path("moderacja/regulamin/v<int:version>", views.regulamin_edit,
         name="moderation-regulamin-edit"),
]

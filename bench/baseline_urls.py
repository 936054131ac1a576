"""The product's URLs plus `bench/bare`, a view that only stores the raw body (the baseline)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from ratusz.intake.models import Delivery
from ratusz.urls import urlpatterns as product_urlpatterns


@csrf_exempt
def bare(request: HttpRequest) -> HttpResponse:
    Delivery.objects.create(body=request.body, signature="")
    return HttpResponse("OK", content_type="text/plain; charset=utf-8")


urlpatterns = [*product_urlpatterns, path("bench/bare", bare)]

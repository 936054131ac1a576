from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class PolishByDefaultMiddleware:
    """The desk speaks Polish unless the person chose another language (the language cookie).

    A browser's Accept-Language is ignored on purpose: office computers often run an English
    system, and staff expect the office's own language. Sits before LocaleMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)

"""Numbers in reports: shares as percentages, minutes with one decimal, a dash for nothing."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def pct(value) -> str:
    if value is None or value == "":
        return "–"
    return f"{number_format(round(float(value) * 100, 1), 1)}%"


@register.filter
def dec(value) -> str:
    if value is None or value == "":
        return "–"
    return number_format(round(float(value), 1), 1)


@register.filter
def num(value) -> str:
    if value is None or value == "":
        return "–"
    return number_format(value, 0, force_grouping=True)

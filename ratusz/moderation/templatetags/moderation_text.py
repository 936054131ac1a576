"""The small part of Markdown the generated rules use (paragraphs, "- " lists, **bold**, links),
rendered after escaping, so no text can bring its own HTML."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()
BOLD = re.compile(r"\*\*(.+?)\*\*")
URL = re.compile(r"(https?://[^\s<]+[^\s<.,;:)])")


def _inline(text: str) -> str:
    text = BOLD.sub(r"<strong>\1</strong>", escape(text))
    return URL.sub(r'<a href="\1" rel="nofollow noopener">\1</a>', text)


@register.filter
def plain_markdown(source: str) -> str:
    blocks = []
    for block in re.split(r"\n\s*\n", (source or "").strip()):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and all(line.lstrip().startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line.lstrip()[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        elif lines:
            blocks.append(f"<p>{'<br>'.join(_inline(line) for line in lines)}</p>")
    return mark_safe("".join(blocks))  # noqa: S308 - every piece of text was escaped above

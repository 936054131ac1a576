from pathlib import Path

import polib
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "ratusz" / "locale" / "pl" / "LC_MESSAGES"


def test_every_interface_string_has_a_polish_translation():
    po = polib.pofile(str(CATALOG / "django.po"))
    assert [e.msgid for e in po if not e.msgstr and not e.obsolete] == []
    assert [e.msgid for e in po if "fuzzy" in e.flags] == []


def test_the_compiled_catalog_matches_the_po_file():
    po = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOG / "django.po")) if e.msgstr}
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(CATALOG / "django.mo")) if e.msgid}
    assert mo == po, "Run `make messages` to compile the catalog."

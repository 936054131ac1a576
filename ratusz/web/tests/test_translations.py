from pathlib import Path

import polib
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "ratusz" / "locale" / "pl" / "LC_MESSAGES"


def test_every_interface_string_has_a_polish_translation():
    po = polib.pofile(str(CATALOG / "django.po"))
    forms = int(po.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])

    def translated(entry) -> bool:
        if entry.msgid_plural:
            return len([v for v in entry.msgstr_plural.values() if v]) == forms
        return bool(entry.msgstr)

    assert [e.msgid for e in po if not translated(e) and not e.obsolete] == []
    assert [e.msgid for e in po if "fuzzy" in e.flags] == []


def test_the_compiled_catalog_matches_the_po_file():
    def pairs(catalog):
        return {(e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in catalog
                if e.msgid and (e.msgstr or e.msgstr_plural)}

    po = pairs(polib.pofile(str(CATALOG / "django.po")))
    mo = pairs(polib.mofile(str(CATALOG / "django.mo")))
    assert mo == po, "Run `make messages` to compile the catalog."

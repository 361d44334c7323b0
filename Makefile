# rumourx: two commands on a fresh machine.
#   make demo       set up .venv (rumourx only, nothing to compile) and run the examples
#   make test       set up .venv (dev tools) and run the offline test suite
# Optional:
#   make demo-llm   build the embedded model (llama-cpp-python, ~5 min) and run the examples with it

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# llama-cpp-python builds from source; a native build crashes on these CPUs (AMX).
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF
CASSETTE_PORT ?= 8765

.PHONY: demo demo-llm test lint bench screenshot record record-openai clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.base: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(VENV)/.local: pyproject.toml | $(BIN)/python
	@echo "Building llama-cpp-python from source (about 5 minutes, once)..."
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install --quiet --no-cache-dir -e '.[local]'
	touch $@

demo: $(VENV)/.base
	$(BIN)/python examples/demo.py

demo-llm: $(VENV)/.local
	$(BIN)/python examples/demo.py --strategy llm

test: $(VENV)/.dev
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# The README's pictures, in headless Chromium: the seed article's evidence view, and the
# story page of examples/stories (batch, then stories --html --views --articles).
screenshot: $(VENV)/.dev
	$(BIN)/python -m tests.views.screenshot --out docs/evidence-view.png
	$(BIN)/python -m tests.views.screenshot --stories --out docs/story-view.png

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/batch.py

# Re-record the cassettes from the embedded model (builds it once, like `make demo-llm`).
record: $(VENV)/.dev $(VENV)/.local
	$(BIN)/python -m llama_cpp.server --model "$$($(BIN)/python -c 'from rumourx.providers.local_server import find_local_model as f; print(f())')" \
		--model_alias smollm2-135m-instruct --host 127.0.0.1 --port $(CASSETTE_PORT) --n_ctx 4096 > /tmp/rumourx-record-server.log 2>&1 & \
	server=$$!; trap "kill $$server" EXIT; \
	for i in $$(seq 60); do curl -sf http://127.0.0.1:$(CASSETTE_PORT)/v1/models >/dev/null && break; sleep 1; done; \
	RUMOURX_CASSETTE_BASE_URL=http://127.0.0.1:$(CASSETTE_PORT)/v1 $(BIN)/python -m pytest tests/test_cassettes.py --record-mode=rewrite -p no:randomly

# Re-record against OpenAI: OPENAI_API_KEY=sk-... make record-openai
record-openai: $(VENV)/.dev
	@test -n "$$OPENAI_API_KEY" || (echo "set OPENAI_API_KEY" && exit 2)
	RUMOURX_CASSETTE_BASE_URL=https://api.openai.com/v1 RUMOURX_CASSETTE_MODEL=gpt-4o-mini \
		$(BIN)/python -m pytest tests/test_cassettes.py --record-mode=rewrite

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# partyqa: `make run` installs everything and starts the chat; `make test` runs the tests.
.PHONY: run test test-fast lint eval index bench install

install:
	scripts/setup.sh

run: install
	.venv/bin/partyqa serve

# Everything: lint, unit, end-to-end (real model, real server) and browser tests.
test:
	scripts/setup.sh --browser
	.venv/bin/ruff check .
	.venv/bin/python -m pytest -q

# In-process unit tests only (fake embedder, no server, no browser): well under 30 s.
test-fast:
	.venv/bin/python -m pytest -q tests/unit

lint:
	.venv/bin/ruff check .

index: install
	.venv/bin/partyqa index data/articles

eval: install
	.venv/bin/partyqa eval --retriever all

bench: install
	.venv/bin/python bench/run_all.py

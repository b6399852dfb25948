# partyqa: `make run` installs everything and starts the chat; `make test` runs the tests.
.PHONY: run test eval index bench install

install:
	scripts/setup.sh

run: install
	.venv/bin/partyqa serve

test:
	scripts/setup.sh --browser
	.venv/bin/python -m pytest -q

index: install
	.venv/bin/partyqa index data/articles

eval: install
	.venv/bin/partyqa eval --retriever all

bench: install
	.venv/bin/python bench/run_all.py

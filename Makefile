# SourceLens: `make run` opens the app, `make test` runs every test.
# Both install what is missing first (Debian packages, tauri-driver, npm packages).

SHELL := /bin/bash
.DEFAULT_GOAL := run

# What Tauri needs to build on Debian, and what the end-to-end tests need to
# drive the real window headless.
DEBIAN_PACKAGES := build-essential pkg-config file curl libssl-dev \
	libwebkit2gtk-4.1-dev libsoup-3.0-dev librsvg2-dev libxdo-dev libayatana-appindicator3-dev \
	xvfb xauth dbus-daemon webkit2gtk-driver imagemagick
NODE_MIN_MAJOR := 20

APP := target/debug/sourcelens-app
UI_STAMP := ui/node_modules/.package-lock.json

# Seconds each fuzz target runs: `make fuzz` (FUZZ_SECONDS) and the smoke
# that `make test` runs (FUZZ_SMOKE_SECONDS).
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 3

.PHONY: run test deps system-deps toolchains tauri-driver ui app bindings clean fuzz fuzz-smoke

run: app
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
		echo "SourceLens is built ($(APP)), but there is no display to open it on."; \
		echo "Run it under a virtual display instead:  xvfb-run -a make run"; \
		exit 1; \
	fi
	$(APP)

test: deps ui
	cd ui && npm test
	cargo test --workspace
	$(MAKE) fuzz-smoke

# Every reader of outside bytes under libFuzzer (fuzz/), seeded from the
# test fixtures. Installs the nightly toolchain and cargo-fuzz if missing.
fuzz:
	fuzz/run.sh $(FUZZ_SECONDS)

# A few seconds per fuzz target; skips, saying why, where nightly Rust
# cannot be had.
fuzz-smoke:
	fuzz/run.sh --smoke $(FUZZ_SMOKE_SECONDS)

app: deps ui
	cargo build -p sourcelens-app

ui: $(UI_STAMP)
	cd ui && npm run build

# Rewrites ui/src/api/bindings.ts from the Rust types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p sourcelens-app --lib bindings

deps: system-deps toolchains tauri-driver $(UI_STAMP)

system-deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing missing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null; then sudo="sudo"; \
		else echo "Cannot install them without root. As root, run: apt-get install -y$$missing"; exit 1; fi; \
		{ $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing; } \
			|| { echo "apt-get failed. Install these Debian packages, then run make again:$$missing"; exit 1; }; \
	fi

toolchains:
	@command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs, then run make again."; exit 1; }
	@command -v npm >/dev/null || { echo "Node.js $(NODE_MIN_MAJOR)+ with npm is missing: install it (e.g. from nodejs.org), then run make again."; exit 1; }
	@major=$$(node -p 'process.versions.node.split(".")[0]'); \
	[ "$$major" -ge $(NODE_MIN_MAJOR) ] || { echo "Node.js $$major is too old: SourceLens's UI build needs Node.js $(NODE_MIN_MAJOR) or newer."; exit 1; }

tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version '^2'

$(UI_STAMP): ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules

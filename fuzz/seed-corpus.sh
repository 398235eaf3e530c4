#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ (git-ignored) with the project's own inputs of
# each reader: the test fixtures, the built-in outlets.toml, and the seeds in
# fuzz/seeds/ for formats that have no fixture. Copying is idempotent; what
# earlier fuzzing added to a corpus stays.
set -euo pipefail
cd "$(dirname "$0")/.."

fixtures=tests/fixtures
seed() { # seed TARGET FILE...
    local target=$1; shift
    mkdir -p "fuzz/corpus/$target"
    local file
    for file in "$@"; do
        [ -f "$file" ] && cp -p "$file" "fuzz/corpus/$target/$(echo "$file" | tr / _)"
    done
    if [ -d "fuzz/seeds/$target" ]; then
        cp -p "fuzz/seeds/$target"/* "fuzz/corpus/$target/"
    fi
}

shopt -s nullglob
html=("$fixtures"/articles/*.html)
seed html_page "${html[@]}"
seed html_metadata "${html[@]}"
seed email "$fixtures"/articles/*.eml
seed mhtml "$fixtures"/articles/*.eml
seed pdf
seed webarchive
seed warc "${html[@]}"
seed article_json "$fixtures"/articles/*.json "$fixtures"/events/valmora/gold.json
seed analyze "$fixtures"/articles/*.txt "$fixtures"/events/*/*.txt
seed bundle
seed backup
seed outlets_toml src-tauri/crates/core/data/outlets.toml
seed robots
seed feed
seed sitemap

#!/usr/bin/env bash
# Writes the seeds of the bundle and backup targets: a real bundle and a
# real backup of a library holding one of the project's fixture events,
# made by the sourcelens command. Run it again after a bundle or backup
# format change.
set -euo pipefail
cd "$(dirname "$0")/../.."
library=$(mktemp -d)
trap 'rm -rf "$library"' EXIT
sourcelens() { cargo run -q -p sourcelens-cli -- --data-dir "$library" "$@"; }
sourcelens import tests/fixtures/events/valmora/*.txt --comparison "Valmora talks" >/dev/null
mkdir -p fuzz/seeds/bundle fuzz/seeds/backup
sourcelens export "Valmora talks" --bundle fuzz/seeds/bundle/valmora.sourcelens.json
backup=$(sourcelens backup --to "$library/out" | grep -o "$library/out/[^ ]*" | head -1)
cp "$backup" fuzz/seeds/backup/valmora.backup

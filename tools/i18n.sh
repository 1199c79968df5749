#!/usr/bin/env bash
# Update the Chinese catalog from the GUI's source strings, then compile it.
#
#   tools/i18n.sh           lupdate (keeps existing translations, marks new strings
#                           "unfinished") + lrelease -> resources/i18n/plandesk_zh_CN.qm
#   tools/i18n.sh --check   fail if the catalog lacks a string of the code or a translation,
#                           or keeps one the code no longer has
#
# Translate new strings with .venv/bin/pyside6-linguist resources/i18n/plandesk_zh_CN.ts
# (or by editing the .ts), then run this script again and commit both .ts and .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${PYSIDE_BIN:-.venv/bin}
TS=resources/i18n/plandesk_zh_CN.ts
QM=resources/i18n/plandesk_zh_CN.qm
SOURCES=$(ls ui/*.py)   # one catalog for the whole GUI, colleagues' widgets included

if [ "${1:-}" = "--check" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cp "$TS" "$tmp/check.ts"
    "$BIN/pyside6-lupdate" $SOURCES -no-obsolete -locations none -ts "$tmp/check.ts" >"$tmp/log"
    if grep -q 'type="unfinished"' "$tmp/check.ts"; then
        echo "untranslated or new strings:" >&2
        grep -B2 'type="unfinished"' "$tmp/check.ts" | grep '<source>' >&2
        exit 1
    fi
    if [ "$(grep -c '<message' "$tmp/check.ts")" != "$(grep -c '<message' "$TS")" ]; then
        echo "the catalog keeps strings the code no longer has: run tools/i18n.sh" >&2
        exit 1
    fi
    echo "catalog complete"
    exit 0
fi

"$BIN/pyside6-lupdate" $SOURCES -no-obsolete -locations none -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"

#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller and smoke-test it offscreen, from outside the
# source tree, the way a user's PC runs it:
#   installer/build_linux.sh            → dist/danvan-desktop/ (danvan, danvan-cli), its size printed
# Uses the project's .venv (./dev creates it) plus PyInstaller (the `build` extra).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=.venv/bin/python
[ -x "$PY" ] || { echo "run ./dev test first (creates .venv)" >&2; exit 2; }
"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install -q "pyinstaller>=6.10"

"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installer/danvan.spec
BUNDLE="$ROOT/dist/danvan-desktop"
echo "bundle: $(du -sh "$BUNDLE" | cut -f1) ($BUNDLE)"

# --- smoke test: a bare environment, a scratch folder, no source tree on the path
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export QT_QPA_PLATFORM=offscreen DANVAN_DATA_DIR="$WORK/data" DANVAN_DOC_FONT=shipped DANVAN_TODAY=2026-11-21 PYTHONPATH=
CLI="$BUNDLE/danvan-cli"
step() { echo "· $*"; }
step version;     "$CLI" --version | grep -q "danvan-desktop"
step demo;        "$CLI" demo --db demo.sqlite3 >/dev/null
step check;       "$CLI" check --db demo.sqlite3 >/dev/null || true   # the demo has findings on purpose
step report;      "$CLI" report --db demo.sqlite3 --period 2026-10 --pdf r.pdf --docx r.docx >/dev/null
step minutes;     "$CLI" minutes --db demo.sqlite3 --latest --pdf m.pdf >/dev/null
for f in r.pdf m.pdf; do head -c 5 "$f" | grep -q "%PDF-"; done
unzip -p r.docx word/document.xml | grep -q "BÁO CÁO"
step export;      "$CLI" export --db demo.sqlite3 --out demo.dvx >/dev/null
step verify;      "$CLI" verify demo.dvx >/dev/null
step screenshots; "$CLI" screenshots --db demo.sqlite3 --out shots --lang en >/dev/null
test -s shots/00_dashboard.png
step windowed;    "$BUNDLE/danvan" --version | grep -q "danvan-desktop"      # the windowed twin starts too
echo "smoke test passed"

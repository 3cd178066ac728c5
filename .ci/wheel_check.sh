#!/usr/bin/env bash
# The wheel from a clean clone, installed with its core dependencies from the package
# registry into a fresh venv outside the checkout, converts and validates both samples from
# another folder; a command that needs an extra names it; with the [db] extra added, the
# converted samples load into SQLite. (tests/test_wheel.py checks the core offline; this is
# the real install.)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone --quiet "$root" "$work/clone"
git -C "$work/clone" checkout --quiet "$(git -C "$root" rev-parse HEAD)"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip wheel --quiet --no-deps -w "$work/wheels" "$work/clone"
wheel=$(ls "$work"/wheels/vnplan-*.whl)
"$work/venv/bin/python" -m pip install --quiet "$wheel"
echo "wheel check: core install $(du -sh "$work/venv" | cut -f1)"

mkdir "$work/elsewhere"
cp "$root"/samples/plan-196-KH-UBND.pdf "$root"/samples/plan-196-KH-UBND.docx "$work/elsewhere/"
cd "$work/elsewhere"
"$work/venv/bin/vnplan" --version
"$work/venv/bin/vnplan" convert plan-196-KH-UBND.pdf plan-196-KH-UBND.docx -o out
"$work/venv/bin/vnplan" validate out/*.json

# Without [db], `load` says which extra it needs, in one line, and fails.
if VNPLAN_LANG=en "$work/venv/bin/vnplan" load out/*.json 2> load.err; then  # the line as English reads it
    echo "wheel check: load ran without the [db] extra" >&2; exit 1
fi
grep -qx "vnplan: load needs the \[db\] extra: pip install 'vnplan\[db\]'" load.err || { cat load.err >&2; exit 1; }

"$work/venv/bin/python" -m pip install --quiet "$wheel[db]"
"$work/venv/bin/vnplan" load out/*.json --db "sqlite:///$work/elsewhere/plans.sqlite" --create
echo "wheel check: installed from $(basename "$wheel"), both samples converted and valid, loaded with [db]"

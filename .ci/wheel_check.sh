#!/usr/bin/env bash
# The wheel from a clean clone, installed with its dependencies from the package registry
# into a fresh venv outside the checkout, converts and validates both samples from another
# folder. (tests/test_wheel.py checks the same offline; this is the real install.)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone --quiet "$root" "$work/clone"
git -C "$work/clone" checkout --quiet "$(git -C "$root" rev-parse HEAD)"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip wheel --quiet --no-deps -w "$work/wheels" "$work/clone"
"$work/venv/bin/python" -m pip install --quiet "$work"/wheels/vnplan-*.whl

mkdir "$work/elsewhere"
cp "$root"/samples/plan-196-KH-UBND.pdf "$root"/samples/plan-196-KH-UBND.docx "$work/elsewhere/"
cd "$work/elsewhere"
"$work/venv/bin/vnplan" --version
"$work/venv/bin/vnplan" convert plan-196-KH-UBND.pdf plan-196-KH-UBND.docx -o out
"$work/venv/bin/vnplan" validate out/*.json
echo "wheel check: installed from $(ls "$work"/wheels), both samples converted and valid"

#!/usr/bin/env bash
# What a new user meets, from a fresh clone: the README's install command in a fresh venv,
# the help, a check of each sample, and headless exports (no DISPLAY, no QT_QPA_PLATFORM),
# including a model without positions, whose picture must not be one card's size (all
# cards stacked on one spot). Every step is reported PASS or FAIL; the script goes on after
# a failure and exits 1 if any step failed.
#
#   bash benchmarks/newcomer.sh            # clones the committed HEAD of this checkout
#   KEEP=1 bash benchmarks/newcomer.sh     # keep the temp folder to look at the pictures
#
# It clones what is committed (a new user never sees uncommitted work) and installs from
# the package index pip is configured with; it takes a few minutes.
set -uo pipefail

source_repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d "${TMPDIR:-/tmp}/orgmodel-newcomer.XXXXXX")
if [[ -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "keeping $work"
fi
failures=()

step() {  # step NAME COMMAND…: run it, its output indented, and say PASS or FAIL
    local name=$1
    shift
    echo "== $name"
    "$@" > "$work/step.log" 2>&1
    local code=$?
    if ((code == 0)); then
        tail -n 5 "$work/step.log" | sed 's/^/   /'
        echo "PASS $name"
    else
        tail -n 40 "$work/step.log" | sed 's/^/   /'
        echo "FAIL $name (exit $code)"
        failures+=("$name")
    fi
}

headless() {  # a user's shell with no display and no Qt platform chosen
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$@"
}

commit=$(git -C "$source_repo" rev-parse HEAD)
step "fresh clone of ${commit:0:7}" bash -c "git clone --quiet --no-checkout '$source_repo' '$work/orgmodel' && git -C '$work/orgmodel' checkout --quiet $commit"
cd "$work/orgmodel" || exit 1

# The install command exactly as the README's quick start table gives it.
install=$(sed -n 's/^| install | `\(.*\)` |$/\1/p' README.md)
echo "README install command: $install"
step "README install in a fresh venv" bash -c "$install"
# shellcheck disable=SC1091
. .venv/bin/activate || { echo "FAIL no .venv after the install"; exit 1; }

step "orgmodel --help" orgmodel --help
samples=(resources/samples/*.orgmodel)
for sample in "${samples[@]}"; do
    step "orgmodel check $(basename "$sample")" orgmodel check "$sample"
done
step "orgmodel (the editor) without a display says so" bash -c '
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM orgmodel 2>&1); code=$?
    echo "$out"; [[ $code == 1 && $out == *"orgmodel export"* && $out != *xcb-cursor* ]]'

# A copy of the English sample with every position removed, as a hand-written file has.
python3 -c "import json, sys; d = json.load(open(sys.argv[1], encoding='utf-8')); [u.pop(k, None) for u in d['units'] for k in ('x', 'y')]; json.dump(d, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)" \
    resources/samples/example_co.orgmodel "$work/no-positions.orgmodel"

not_stacked() {  # not_stacked PNG SCALE: the picture is bigger than one card and its margin
    python3 - "$1" "$2" <<'PY'
import struct
import sys

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH

with open(sys.argv[1], "rb") as png:
    head = png.read(24)
assert head.startswith(b"\x89PNG"), f"{sys.argv[1]} is not a PNG"
width, height = struct.unpack(">II", head[16:24])
scale = float(sys.argv[2])
print(f"{sys.argv[1]}: {width} x {height} px; one card is {CARD_WIDTH * scale:g} x {CARD_HEIGHT * scale:g} px")
if width < 2 * CARD_WIDTH * scale and height < 3 * CARD_HEIGHT * scale:
    sys.exit("the picture is one card's size: the cards are stacked on one spot")
PY
}

for model in "${samples[@]}" "$work/no-positions.orgmodel"; do
    name=$(basename "$model" .orgmodel)
    step "headless orgmodel export $name.png" headless orgmodel export "$model" "$work/$name.png" --scale 1
    step "$name.png is not stacked" not_stacked "$work/$name.png" 1
done

echo
if ((${#failures[@]})); then
    echo "newcomer: ${#failures[@]} step(s) failed:"
    printf '  - %s\n' "${failures[@]}"
    exit 1
fi
echo "newcomer: every step passed"

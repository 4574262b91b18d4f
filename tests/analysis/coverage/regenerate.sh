#!/bin/sh
# Regenerates each case's expected coverage from coverage.py (run once,
# by hand, when a case is added or changed; the outputs are committed):
#
#   python3 -m venv /tmp/covenv && /tmp/covenv/bin/pip install coverage==7.17.5
#   COVERAGE=/tmp/covenv/bin/coverage tests/analysis/coverage/regenerate.sh
#
# Each case folder has main.py (and the modules it imports); this writes
# expected.txt (`coverage report -m` after `coverage run --branch main.py`)
# and expected.json (the per-file facts of `coverage json` that krait's
# --json must equal: executed and missing lines and branches, and counts).
set -e
COVERAGE=${COVERAGE:-coverage}
cd "$(dirname "$0")"
for case in */; do
    (
        cd "$case"
        rm -f .coverage
        "$COVERAGE" run --branch main.py > /dev/null
        "$COVERAGE" report -m > expected.txt
        "$COVERAGE" json -q -o .full.json
        python3 - <<'PY'
import json
full = json.load(open('.full.json'))
keep = ['executed_lines', 'missing_lines', 'excluded_lines', 'executed_branches', 'missing_branches']
counts = ['num_statements', 'missing_lines', 'excluded_lines', 'num_branches', 'num_partial_branches',
          'covered_branches', 'percent_covered_display']
files = {
    name: dict({k: data[k] for k in keep}, summary={k: data['summary'][k] for k in counts})
    for name, data in full['files'].items()
}
json.dump(files, open('expected.json', 'w'), indent=1, sort_keys=True)
open('expected.json', 'a').write('\n')
PY
        rm -f .coverage .full.json
    )
done

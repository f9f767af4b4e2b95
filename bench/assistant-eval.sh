#!/usr/bin/env bash
# The assistant's understanding on public data, through the product's own command
# (`./xiaoer assistant eval`): Banking77 with all training data and with 10 examples per intent,
# and BQ question pairs (threshold on dev, scored on test). Each run prints accuracy, macro-F1,
# latency per query on one thread, training time, the model and the settings.
# Usage: bench/assistant-eval.sh [data folder]   (default: ../shared/data beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=$(cd "${1:-$root/../shared/data}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The 10-shot set comes as two line-aligned files (seq.in, label): made into text,label CSV here.
few="$data/banking77/fewshot/train_10"
paste -d '\t' "$few/seq.in" "$few/label" |
  awk -F '\t' 'BEGIN { print "text,category" } { gsub(/"/, "\"\"", $1); printf "\"%s\",%s\n", $1, $2 }' > "$work/train_10.csv"

run() {
  printf '\n== %s\n' "$1"
  shift
  "$root/xiaoer" assistant eval "$@"
}
run "Banking77, full training data" --train "$data/banking77/train.csv" --test "$data/banking77/test.csv"
run "Banking77, 10 examples per intent" --train "$work/train_10.csv" --test "$data/banking77/test.csv"
run "BQ question pairs (dev to choose, test to score)" --pairs --train "$data/bq/dev.csv" --test "$data/bq/test.csv"

#!/usr/bin/env bash
# `landuse score` against the usual ML.NET approach (DnnImageFeaturizer ResNet18 + LbfgsMaximumEntropy, the
# tests/Benchmarks/MlNetBaseline tool) as whole commands on the same tiles, back to back (see docs/PERFORMANCE.md,
# "ML.NET comparison"). Builds both, a labeled training set (600 synthetic tiles, seed 1) and a scoring set of another
# seed (600 tiles, seed 2), trains both models on the first, then times each whole score command (process start to
# exit: model load, decode, inference, CSV) in alternating rounds (landuse first in odd rounds, ML.NET first in even
# ones), printing per round each one's tiles/s and peak RSS and the ratio landuse/ML.NET, then the median ratio. Both
# run FP32 on the CPU. Everything it builds goes under $1 (default artifacts/mlnet-bench) and is reused on the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(realpath -m "${1:-artifacts/mlnet-bench}")
rounds=${ROUNDS:-3}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Cli -c Release -v quiet -nologo
dotnet build tests/Benchmarks/MlNetBaseline -c Release -v quiet -nologo
landuse=artifacts/bin/Cli/release_linux-x64/landuse
mlnet=artifacts/bin/MlNetBaseline/release_linux-x64/LandUse.MlNetBaseline
mkdir -p "$work/out"

[ -d "$work/train" ] || "$landuse" synth tiles --out "$work/train" --per-class 100 --seed 1
[ -d "$work/score" ] || "$landuse" synth tiles --out "$work/score" --per-class 100 --seed 2
[ -f "$work/fp32/manifest.json" ] || "$landuse" train "$work/train" --out "$work/fp32" --name landuse-bench
[ -f "$work/mlnet/model.zip" ] || "$mlnet" train "$work/train" --out "$work/mlnet/model.zip"
grep -Eq '"precision": *"fp32"' "$work/fp32/manifest.json" || { echo "$work/fp32 is not an FP32 bundle" >&2; exit 1; }
tiles=$(find "$work/score" -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' \) | wc -l)

# run NAME COMMAND...: the whole command under /usr/bin/time; sets $seconds and $rss_mib, checks one CSV row per tile.
run() {
  local name=$1 csv="$work/out/$1.csv"
  shift
  rm -f "$csv"
  if ! /usr/bin/time -f '%e %M' -o "$work/out/$name.time" "$@" --out "$csv" > "$work/out/$name.log" 2>&1; then
    echo "$name failed: $*" >&2
    cat "$work/out/$name.log" >&2
    exit 1
  fi
  local rows=$(($(wc -l < "$csv") - 1))
  [ "$rows" -eq "$tiles" ] || { echo "$name wrote $rows rows for $tiles tiles ($csv)" >&2; exit 1; }
  read -r seconds kib < "$work/out/$name.time"
  rss_mib=$((kib / 1024))
}

echo "$tiles tiles in $work/score; $rounds rounds; landuse: $landuse score --model $work/fp32 --provider Cpu (FP32);"
echo "ML.NET: $mlnet score --model $work/mlnet/model.zip (ONNX Runtime CPU, FP32)"
echo "load before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-6s %-14s %12s %10s %12s %10s %9s\n' round first "landuse t/s" "RSS MiB" "ML.NET t/s" "RSS MiB" ratio
ratios=()
for round in $(seq 1 "$rounds"); do
  order=(landuse mlnet)
  [ $((round % 2)) -eq 1 ] || order=(mlnet landuse)
  for who in "${order[@]}"; do
    if [ "$who" = landuse ]; then
      run landuse "$landuse" score "$work/score" --model "$work/fp32" --provider Cpu
      landuse_s=$seconds landuse_rss=$rss_mib
    else
      run mlnet "$mlnet" score "$work/score" --model "$work/mlnet/model.zip"
      mlnet_s=$seconds mlnet_rss=$rss_mib
    fi
  done
  ratio=$(awk -v a="$landuse_s" -v b="$mlnet_s" 'BEGIN { printf "%.2f", b / a }')
  ratios+=("$ratio")
  awk -v r="$round" -v f="${order[0]}" -v n="$tiles" -v a="$landuse_s" -v ar="$landuse_rss" -v b="$mlnet_s" -v br="$mlnet_rss" -v x="$ratio" \
    'BEGIN { printf "%-6s %-14s %12.1f %10d %12.1f %10d %8.2fx\n", r, f, n / a, ar, n / b, br, x }'
done
echo "load after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median ratio landuse/ML.NET (tiles/s, whole commands): ${median}x over $rounds rounds (target >= 1.6x)"
# Both CSVs start path,<predicted class>; the scoring set's folders are the true classes (synthetic paths hold no commas).
accuracy() { awk -F, 'NR > 1 { n++; split($1, p, "/"); ok += (p[1] == $2) } END { printf "%.1f %%", 100 * ok / n }' "$1"; }
echo "6-class accuracy on the scoring set, last round: landuse $(accuracy "$work/out/landuse.csv"), ML.NET $(accuracy "$work/out/mlnet.csv")"
echo "last round's own summaries:"
echo "  landuse: $(tail -n 1 "$work/out/landuse.log")"
echo "  ML.NET:  $(tail -n 1 "$work/out/mlnet.log")"

#!/usr/bin/env bash
# FP32 against INT8 on this machine in one command (see docs/PERFORMANCE.md, "INT8"). Builds the CLI, an FP32 bundle
# trained like the demo's (600 synthetic tiles, seed 1), a labeled calibration set of another seed, the bundle's INT8
# twin (printing accuracy, agreement and feature cosine on the held-out half), then `landuse bench --compare`:
# throughput at batch 1, 8, 32 in alternating rounds in one process and each bundle's peak working set in its own.
# Everything it builds goes under $1 (default artifacts/int8-bench) and is reused on the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(realpath -m "${1:-artifacts/int8-bench}")
seconds=${SECONDS_PER_MEASUREMENT:-12}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Cli -c Release -v quiet -nologo
landuse=artifacts/bin/Cli/release_linux-x64/landuse
mkdir -p "$work"
echo "load before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

[ -d "$work/train" ] || "$landuse" synth tiles --out "$work/train" --per-class 100 --seed 1
[ -f "$work/fp32/manifest.json" ] || "$landuse" train "$work/train" --out "$work/fp32" --name landuse-bench
[ -d "$work/calibration" ] || "$landuse" synth tiles --out "$work/calibration" --per-class 100 --seed 2
"$landuse" model quantize "$work/fp32" --calibrate "$work/calibration" --out "$work/int8"
"$landuse" bench --model "$work/int8" --compare "$work/fp32" --seconds "$seconds"
echo "load after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"

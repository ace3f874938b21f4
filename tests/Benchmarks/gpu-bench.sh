#!/usr/bin/env bash
# The GPU worker's CUDA path on this machine in one command (see docs/PERFORMANCE.md, "GPU"). Needs an NVIDIA GPU, a
# driver of the R580 branch or newer, and the CUDA 13 + cuDNN 9 runtime libraries the ONNX Runtime GPU package links
# (the worker image's base, nvidia/cuda:13.x-cudnn-runtime, has them: run this inside it or on a host that has them).
# Builds the CLI against Microsoft.ML.OnnxRuntime.Gpu.Linux (-p:Gpu=true, into its own artifacts folder), trains a
# bundle the way the demo does, then `landuse bench --provider Cuda --model <bundle>` at batch 32, 64 and 128:
# the raw model, then the worker path (StagedTileScorer: IOBinding on reused device buffers) without decode, decode
# alone, and with decode overlapped through the bounded channel. bench exits 3, measuring nothing, when the session
# would not run on CUDA (it says why: the library the loader could not open, or the nodes placed on the CPU).
# Everything it builds goes under $1 (default artifacts/gpu-bench) and is reused on the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(realpath -m "${1:-artifacts/gpu-bench}")
seconds=${SECONDS_PER_MEASUREMENT:-10}
batches=${BATCH_SIZES:-32 64 128}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
else
  echo "gpu-bench: nvidia-smi not found; bench will say whether CUDA is usable" >&2
fi

dotnet build src/Cli -c Release -p:Gpu=true --artifacts-path "$work/build" -v quiet -nologo
landuse="$work/build/bin/Cli/release_linux-x64/landuse"
mkdir -p "$work"
[ -d "$work/train" ] || "$landuse" synth tiles --out "$work/train" --per-class 100 --seed 1
[ -f "$work/model/manifest.json" ] || "$landuse" train "$work/train" --out "$work/model" --name landuse-gpu-bench

echo "cores $(nproc), load before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # one argument per batch size
"$landuse" bench --provider Cuda --model "$work/model" --batch-sizes $batches --seconds "$seconds"   # --batch-sizes: the model alone, and the worker path
echo "load after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"

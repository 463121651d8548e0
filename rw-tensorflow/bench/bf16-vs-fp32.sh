#!/usr/bin/env bash
# bf16 against float32 on the same U-Net training step (128x128, batch 8, base 16, depth 3, 2 threads, instance norm,
# CE, Adam, clip 12), in one run: our TensorFlow engine with --precision fp32 and bf16 (bf16 convolutions, float32
# master weights, norms and loss), and Debian's PyTorch 1.13 in float32 and under torch.autocast("cpu",
# dtype=torch.bfloat16), alternating ROUNDS times (default 3). Prints the best median step of each and the ratios
# bf16/fp32 (goal <= 0.6 for ours). Environment overrides as unet-vs-torch.sh: SIZE, BATCH, BASE, DEPTH, THREADS,
# NORM, ROUNDS.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZE=${SIZE:-128} BATCH=${BATCH:-8} BASE=${BASE:-16} DEPTH=${DEPTH:-3} THREADS=${THREADS:-2} NORM=${NORM:-instance} ROUNDS=${ROUNDS:-3}
source rw-tensorflow/bench/classpath.sh
echo "# $(date -u '+%Y-%m-%d %H:%M UTC')  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), flags: $(grep -m1 -o 'avx512_bf16\|amx_bf16' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A best
keep() { if [ -z "${best[$1]:-}" ] || (( $(echo "$2 < ${best[$1]}" | bc -l) )); then best[$1]=$2; fi; }
for round in $(seq "$ROUNDS"); do
  for p in fp32 bf16; do
    o=$(java -cp "$CP" org.regionwise.tensorflow.bench.StepTimeBench "$SIZE" "$BATCH" "$BASE" "$DEPTH" "$THREADS" 5 20 "$NORM" "$p" 2>/dev/null | sed -n 's/^median_ms=//p')
    t=$(/usr/bin/python3 rw-tensorflow/bench/unet_torch.py --size "$SIZE" --batch "$BATCH" --base "$BASE" --depth "$DEPTH" \
          --threads "$THREADS" --norm "$NORM" --precision "$p" | sed -n 's/^median_ms=//p')
    echo "round $round $p: TF Java ${o} ms, PyTorch ${t} ms"
    keep "ours_$p" "$o"; keep "torch_$p" "$t"
  done
done
printf 'best median step: ours fp32 %.1f ms, bf16 %.1f ms (bf16/fp32 %.2f, goal <= 0.6); PyTorch fp32 %.1f ms, autocast bf16 %.1f ms (%.2f)\n' \
  "${best[ours_fp32]}" "${best[ours_bf16]}" "$(echo "${best[ours_bf16]} / ${best[ours_fp32]}" | bc -l)" \
  "${best[torch_fp32]}" "${best[torch_bf16]}" "$(echo "${best[torch_bf16]} / ${best[torch_fp32]}" | bc -l)"
printf 'ours / PyTorch: fp32 %.2f, bf16 %.2f\n' "$(echo "${best[ours_fp32]} / ${best[torch_fp32]}" | bc -l)" \
  "$(echo "${best[ours_bf16]} / ${best[torch_bf16]}" | bc -l)"
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Times the same U-Net training step (128x128, batch 8, base 16, depth 3, 2 threads, CE, Adam, clip 12) in
# RegionWise's TensorFlow Java backend and in Debian's PyTorch (/usr/bin/python3), alternating ROUNDS times (default
# 3), and prints the ratio ours/torch of the median step times, per round and for the best round of each (goal
# <= 0.5). Run from anywhere; builds the test classes offline.
# Environment overrides: SIZE, BATCH, BASE, DEPTH, THREADS, NORM (instance | none | batch), ROUNDS, PRECISION
# (fp32 | bf16: our bf16 convolutions, and torch.autocast("cpu", dtype=torch.bfloat16) on the PyTorch side).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZE=${SIZE:-128} BATCH=${BATCH:-8} BASE=${BASE:-16} DEPTH=${DEPTH:-3} THREADS=${THREADS:-2} NORM=${NORM:-instance} ROUNDS=${ROUNDS:-3} PRECISION=${PRECISION:-fp32}
source rw-tensorflow/bench/classpath.sh
ours=() torch=()
for round in $(seq "$ROUNDS"); do
  o=$(java -cp "$CP" org.regionwise.tensorflow.bench.StepTimeBench "$SIZE" "$BATCH" "$BASE" "$DEPTH" "$THREADS" 5 20 "$NORM" "$PRECISION")
  echo "TF Java round $round: $(echo "$o" | tr '\n' ' ')"
  ours+=("$(echo "$o" | sed -n 's/^median_ms=//p')")
  t=$(/usr/bin/python3 rw-tensorflow/bench/unet_torch.py --size "$SIZE" --batch "$BATCH" --base "$BASE" --depth "$DEPTH" --threads "$THREADS" --norm "$NORM" --precision "$PRECISION")
  echo "PyTorch round $round: $(echo "$t" | tr '\n' ' ')"
  torch+=("$(echo "$t" | sed -n 's/^median_ms=//p')")
done
/usr/bin/python3 - "${ours[@]}" "${torch[@]}" <<'PY'
import sys
v = [float(x) for x in sys.argv[1:]]
n = len(v) // 2
o, t = v[:n], v[n:]
print("ratio ours/torch per round: " + ", ".join("%.2f" % (a / b) for a, b in zip(o, t)))
print("best median step: TF Java %.1f ms, PyTorch %.1f ms, ratio ours/torch %.2f (goal <= 0.5)" % (min(o), min(t), min(o) / min(t)))
PY

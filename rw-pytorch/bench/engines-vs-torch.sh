#!/usr/bin/env bash
# Times the same U-Net training step (128x128, batch 8, base 16, depth 3, 2 threads, instance norm, CE, Adam, clip 12)
# in RegionWise's TensorFlow Java engine, its DJL PyTorch 2.7 engine and Debian's PyTorch 1.13 (/usr/bin/python3,
# rw-tensorflow/bench/unet_torch.py), alternating ROUNDS times (default 3) in one run, and prints the ratios of the
# median step times per round. Run from anywhere; builds the test classes offline.
# Environment overrides: SIZE, BATCH, BASE, DEPTH, THREADS, NORM (instance | none | batch), ROUNDS, WARM, STEPS,
# DIMS (2 | 3: a 3D U-Net on SIZE³ patches, e.g. DIMS=3 SIZE=64 BATCH=2 for issue 14's 3D step).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZE=${SIZE:-128} BATCH=${BATCH:-8} BASE=${BASE:-16} DEPTH=${DEPTH:-3} THREADS=${THREADS:-2} NORM=${NORM:-instance}
ROUNDS=${ROUNDS:-3} WARM=${WARM:-5} STEPS=${STEPS:-20} DIMS=${DIMS:-2}
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
mvn -o -q -pl rw-core,rw-maps,rw-metrics,rw-training,rw-tensorflow,rw-pytorch test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="rw-pytorch/target/test-classes:rw-pytorch/target/classes:rw-tensorflow/target/classes:rw-training/target/classes:rw-metrics/target/classes:rw-maps/target/classes:rw-core/target/classes:$(cat rw-pytorch/target/bench-classpath.txt)"
tf=() pt=() torch=()
for round in $(seq "$ROUNDS"); do
  for e in tensorflow pytorch; do
    o=$(java -cp "$CP" org.regionwise.pytorch.bench.EngineStepBench "$e" "$SIZE" "$BATCH" "$BASE" "$DEPTH" "$THREADS" "$WARM" "$STEPS" "$NORM" "$DIMS" 2>/dev/null)
    echo "$e round $round: $(echo "$o" | tr '\n' ' ')"
    m="$(echo "$o" | sed -n 's/^median_ms=//p')"
    if [[ $e == tensorflow ]]; then tf+=("$m"); else pt+=("$m"); fi
  done
  t=$(/usr/bin/python3 rw-tensorflow/bench/unet_torch.py --size "$SIZE" --batch "$BATCH" --base "$BASE" --depth "$DEPTH" --threads "$THREADS" --norm "$NORM" --dims "$DIMS")
  echo "torch 1.13 round $round: $(echo "$t" | tr '\n' ' ')"
  torch+=("$(echo "$t" | sed -n 's/^median_ms=//p')")
done
/usr/bin/python3 - "${tf[@]}" "${pt[@]}" "${torch[@]}" <<'PY'
import sys
v = [float(x) for x in sys.argv[1:]]
n = len(v) // 3
tf, pt, th = v[:n], v[n:2 * n], v[2 * n:]
print("per round ms: TF Java " + ", ".join("%.0f" % x for x in tf) + "; DJL PyTorch 2.7 " + ", ".join("%.0f" % x for x in pt)
      + "; PyTorch 1.13 " + ", ".join("%.0f" % x for x in th))
print("ratio TF Java / DJL PyTorch 2.7 per round: " + ", ".join("%.2f" % (a / b) for a, b in zip(tf, pt)))
print("ratio DJL PyTorch 2.7 / PyTorch 1.13 per round: " + ", ".join("%.2f" % (a / b) for a, b in zip(pt, th)))
print("ratio TF Java / PyTorch 1.13 per round: " + ", ".join("%.2f" % (a / b) for a, b in zip(tf, th)))
PY

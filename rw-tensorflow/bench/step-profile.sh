#!/usr/bin/env bash
# Where the time of one U-Net training step goes: runs bench.StepProfileBench (TensorFlow's full trace) and prints the
# op types by summed node time. Same shape as unet-vs-torch.sh. Environment overrides: SIZE, BATCH, BASE, DEPTH,
# THREADS, NORM (instance | none | batch), STEPS (traced steps, default 10); PROFILE_NODES=1 also lists the nodes
# of the last step that took over 0.5 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZE=${SIZE:-128} BATCH=${BATCH:-8} BASE=${BASE:-16} DEPTH=${DEPTH:-3} THREADS=${THREADS:-2} NORM=${NORM:-instance} STEPS=${STEPS:-10}
source rw-tensorflow/bench/classpath.sh
java -cp "$CP" org.regionwise.tensorflow.bench.StepProfileBench "$SIZE" "$BATCH" "$BASE" "$DEPTH" "$THREADS" 5 "$STEPS" "$NORM"

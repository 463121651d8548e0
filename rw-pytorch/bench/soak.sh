#!/usr/bin/env bash
# Native-memory soak of an engine: rw-tensorflow's SoakBench (2000 steps, RRW + deep supervision, checkpoints every
# epoch) with BACKEND (default pytorch) under a fixed 256 MiB heap; prints RSS every 100 steps and the growth.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
mvn -o -q -pl rw-core,rw-maps,rw-metrics,rw-training,rw-tensorflow,rw-pytorch test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="rw-tensorflow/target/test-classes:rw-pytorch/target/classes:rw-tensorflow/target/classes:rw-training/target/classes:rw-metrics/target/classes:rw-maps/target/classes:rw-core/target/classes:$(cat rw-pytorch/target/bench-classpath.txt)"
java -Xms256m -Xmx256m -cp "$CP" org.regionwise.tensorflow.bench.SoakBench "${STEPS:-2000}" 300 64 8 "${BACKEND:-pytorch}" 2>&1 | grep -v "AutoNonVariableTypeMode"

#!/usr/bin/env bash
# Hausdorff distance: rw-metrics (Java) vs medpy's algorithm written with Debian SciPy, same masks, same run.
#
#   rw-metrics/bench/hd-vs-medpy.sh [N] [REPEATS]      (default N=256, REPEATS=3; run from anywhere)
#
# Builds rw-core, rw-maps, rw-metrics (offline, test classes), writes two N^3 uint8 masks with spacing 2x1x1 mm
# (x, y, z), runs src/test/python/medpy_reference.py (SciPy binary_erosion XOR + distance_transform_edt with sampling,
# as medpy.metric.binary.__surface_distances does) and HdVsMedpyMain, checks that both agree to 1e-6 mm and prints
# the time ratio ours/medpy. Timings are best-of-REPEATS inside each process (interpreter/JVM start excluded, our
# cold first call printed separately) plus the wall-clock of each whole process.
set -euo pipefail
N=${1:-256}
REPEATS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(dirname "$HERE")
ROOT=$(dirname "$MODULE")
PY=/usr/bin/python3
"$PY" -c 'import numpy, scipy' || { echo "needs numpy and scipy in $PY (Debian python3-scipy)"; exit 1; }

cd "$ROOT"
mvn -o -q -pl rw-core,rw-maps,rw-metrics test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="$MODULE/target/test-classes:$MODULE/target/classes:$ROOT/rw-core/target/classes:$ROOT/rw-maps/target/classes:$(cat "$MODULE/target/bench.classpath")"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$PY" "$HERE/make_blobs.py" "$WORK" "$N" 42
SIZE="$N,$N,$N"
SPACING="2,1,1"

t0=$(date +%s.%N)
PEER=$("$PY" "$MODULE/src/test/python/medpy_reference.py" "$WORK/pred.raw" "$WORK/ref.raw" "$SIZE" "$SPACING" 1 "$REPEATS")
t1=$(date +%s.%N)
OURS=$(java -Xmx6g -cp "$CP" org.regionwise.metrics.bench.HdVsMedpyMain "$WORK/pred.raw" "$WORK/ref.raw" "$SIZE" "$SPACING" "$REPEATS")
t2=$(date +%s.%N)

"$PY" - "$PEER" "$OURS" "$t0" "$t1" "$t2" "$N" <<'PYEOF'
import json, sys, platform, os
peer, ours = json.loads(sys.argv[1]), json.loads(sys.argv[2])
t0, t1, t2, n = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
for k in ('hd', 'hd95', 'assd'):
    diff = abs(peer[k] - ours[k])
    print('%-5s medpy-algorithm %.6f mm   rw-metrics %.6f mm   |diff| %.2e %s' % (k, peer[k], ours[k], diff, 'OK' if diff <= 1e-6 else 'MISMATCH'))
    if diff > 1e-6:
        sys.exit(1)
print('masks %d^3, spacing 2x1x1 mm, surfaces: %d (pred) and %d (ref) voxels' % (n, peer['n_pred_surface'], peer['n_ref_surface']))
print('hd only          : medpy-algorithm %.3f s, rw-metrics warm %.3f s (cold first call %.3f s)  ratio warm %.3f, cold %.3f'
      % (peer['seconds'], ours['seconds'], ours['cold_seconds'], ours['seconds'] / peer['seconds'], ours['cold_seconds'] / peer['seconds']))
print('hd + hd95 + assd : medpy-algorithm %.3f s, rw-metrics %.3f s  ratio %.3f'
      % (peer['seconds_hd_hd95_assd'], ours['seconds_hd_hd95_assd'], ours['seconds_hd_hd95_assd'] / peer['seconds_hd_hd95_assd']))
print('whole processes  : python %.2f s, java %.2f s (JVM start, reading, cold + %s warm calls)' % (t1 - t0, t2 - t1, 'repeated'))
print('machine: %s, %d CPUs (java saw %d threads), %s' % (platform.machine(), os.cpu_count(), ours['threads'], platform.platform()))
PYEOF

#!/usr/bin/env bash
# Times SciPy's distance_transform_edt and our EuclideanDistanceTransform on the same random-blob volumes in the
# same run, and prints the ratios (ours / SciPy), 2 threads vs 1, and 128^3 vs 256^3 (time should scale with the
# voxel count, x8).
#
# Usage (from the repository root or anywhere):  rw-maps/bench/edt-vs-scipy.sh [REPEATS]
# Needs Debian's /usr/bin/python3 with numpy and scipy, a JDK 17 and Maven (offline). Both sides are warm and
# in-process and report the best of REPEATS runs (default 5).
set -euo pipefail
REPEATS=${1:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=/usr/bin/python3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$PY" -c "import numpy, scipy.ndimage" 2>/dev/null || { echo "needs numpy and scipy in $PY" >&2; exit 1; }

cd "$ROOT"
mvn -o -q -pl rw-core,rw-maps test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/rw-maps/target/test-classes:$ROOT/rw-maps/target/classes:$ROOT/rw-core/target/classes:$(cat "$WORK/cp.txt")"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC')  $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)   java: $(java -version 2>&1 | head -1)   scipy: $("$PY" -c 'import scipy; print(scipy.__version__)')"

declare -A SCIPY JAVA1 JAVA2
for N in 128 256; do
  # random blobs: smoothed white noise thresholded at its 60% quantile -> about 40% foreground
  "$PY" - "$N" "$WORK" <<'PYEOF'
import sys, numpy as np, scipy.ndimage as nd
n, work = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(42)
noise = nd.gaussian_filter(rng.standard_normal((n, n, n)).astype(np.float32), sigma=n / 64)
mask = noise > np.quantile(noise, 0.6)
mask.astype(np.uint8).tofile(f"{work}/mask{n}.u8")      # C order of (z, y, x) = x fastest
print(f"# {n}^3 volume, foreground {mask.mean():.1%}")
PYEOF
  SCIPY[$N]=$("$PY" - "$N" "$WORK" "$REPEATS" <<'PYEOF'
import sys, time, numpy as np, scipy.ndimage as nd
n, work, reps = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
mask = np.fromfile(f"{work}/mask{n}.u8", dtype=np.uint8).reshape(n, n, n).astype(bool)
nd.distance_transform_edt(mask)                           # warm
best = float("inf")
for _ in range(reps):
    t0 = time.perf_counter(); d = nd.distance_transform_edt(mask); best = min(best, time.perf_counter() - t0)
d.astype("<f4").tofile(f"{work}/scipy{n}.f32")
print(f"{best:.4f}")
PYEOF
)
  echo "scipy ${N}^3 best_s=${SCIPY[$N]}"
  for T in 1 2; do
    OUT=$(java -Xmx6g -XX:+UseParallelGC -cp "$CP" org.regionwise.maps.bench.EdtTiming \
          "$WORK/mask$N.u8" "$N" "$N" "$N" "$T" "$REPEATS" "$WORK/scipy$N.f32")
    echo "$OUT" | sed "s/^java/java ${N}^3/"
    BEST=$(echo "$OUT" | sed -n 's/.*best_s=\([0-9.]*\).*/\1/p')
    if [ "$T" = 1 ]; then JAVA1[$N]=$BEST; else JAVA2[$N]=$BEST; fi
  done
done

"$PY" - "${SCIPY[128]}" "${JAVA1[128]}" "${JAVA2[128]}" "${SCIPY[256]}" "${JAVA1[256]}" "${JAVA2[256]}" <<'PYEOF'
import sys
s128, a128, b128, s256, a256, b256 = map(float, sys.argv[1:])
print(f"ratio ours/scipy 256^3: 1 thread {a256 / s256:.3f}x, 2 threads {b256 / s256:.3f}x   (goal <= 0.35x on 2 cores)")
print(f"ratio ours/scipy 128^3: 1 thread {a128 / s128:.3f}x, 2 threads {b128 / s128:.3f}x")
print(f"speed-up 2 threads vs 1: 256^3 {a256 / b256:.2f}x, 128^3 {a128 / b128:.2f}x")
print(f"time 256^3 / 128^3 (8x the voxels): ours 1 thread {a256 / a128:.2f}x, 2 threads {b256 / b128:.2f}x, scipy {s256 / s128:.2f}x")
PYEOF

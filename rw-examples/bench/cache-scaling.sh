#!/usr/bin/env bash
# Datasets larger than memory, measured in one run: the same synthetic nnU-Net dataset at 1x, 4x and 16x the size
# (BASE, 4 BASE and 16 BASE cases of EDGE^3 float32 voxels, .nii.gz), each
#   - loaded by nibabel (Debian's /usr/bin/python3: every imagesTr and labelsTr file, np.asarray of the data): the peer's
#     read time of the same files,
#   - preprocessed by 'rw preprocess' (MB/s of source files),
#   - trained from the cache by 'rw train' (3 epochs x 20 steps, batch 4, patch 64, depth 3, no validation; then the
#     two test volumes are scored): steps/s of epochs 2-3 from history.csv,
# with the JVM's peak resident memory sampled every 0.1 s from /proc/PID/status: RssAnon (heap, natives, TensorFlow:
# what the process owns) and RssFile (pages of the memory-mapped cache and jars the process touched: page cache,
# shared, reclaimable).
# Training runs REPEATS times per size, interleaved (1x, 4x, 16x, 1x, ...), and reports the best steps/s and the
# largest peaks.
# Usage: rw-examples/bench/cache-scaling.sh [BASE] [EDGE] [HEAP] [REPEATS]   after 'mvn package' (defaults 8 160 1g 3:
# 131 MB of training voxels at 1x, 2.1 GB at 16x, a 1 GB heap). Needs about 25x the 1x size of free disk in $TMPDIR.
set -euo pipefail
BASE=${1:-8}; EDGE=${2:-160}; HEAP=${3:-1g}; REPEATS=${4:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/rw-examples/target/rw.jar"
PY=/usr/bin/python3
[ -f "$JAR" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
"$PY" -c "import numpy, nibabel" 2>/dev/null || { echo "needs numpy and nibabel in $PY (Debian: python3-nibabel)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TF_CPP_MIN_LOG_LEVEL=2
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# runs "$@" (a java command) and prints "peak_anon_mb peak_file_mb seconds peak_live_heap_mb"; the live heap is the
# largest heap occupancy after a garbage collection in the JVM's GC log (what the process really keeps)
measure() {
  local t0 pid anon=0 file=0 a f
  t0=$(date +%s.%N)
  rm -f "$WORK/gc.log"
  "$1" "-Xlog:gc:file=$WORK/gc.log" "${@:2}" > "$WORK/last.log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ -r "/proc/$pid/status" ]; then
      a=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      f=$(awk '/^RssFile:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
      [ -n "$f" ] && [ "$f" -gt "$file" ] && file=$f
    fi
    sleep 0.1
  done
  wait "$pid" || { echo "failed: $*" >&2; cat "$WORK/last.log" >&2; exit 1; }
  live=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" 2>/dev/null | sed 's/.*->//; s/M//' | sort -n | tail -1)
  echo "$((anon / 1024)) $((file / 1024)) $(echo "$(date +%s.%N) - $t0" | bc) ${live:-0}"
}

echo "# cache-scaling: BASE=$BASE cases of ${EDGE}^3 float32, heap -Xmx$HEAP, training best of $REPEATS (interleaved), $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A ROW
for f in 1 4 16; do
  n=$((BASE * f)); d="$WORK/Dataset90${f}_Scale"
  "$JAVA" -cp "$JAR" org.regionwise.examples.data.SyntheticNnUnet "$d" "$n" "$EDGE" "$EDGE" "$EDGE" .nii.gz > /dev/null
  src_mb=$(du -sm --apparent-size "$d/imagesTr" "$d/labelsTr" | awk '{s += $1} END {print s}')
  nib_s=$("$PY" - "$d" <<'PYEOF'
import sys, glob, time, numpy as np, nibabel as nib
t = time.perf_counter()
for p in sorted(glob.glob(sys.argv[1] + "/imagesTr/*.nii.gz") + glob.glob(sys.argv[1] + "/labelsTr/*.nii.gz")):
    np.asarray(nib.load(p).dataobj)
print(time.perf_counter() - t)
PYEOF
)
  read -r pa pf ps pl < <(measure "$JAVA" "-Xmx$HEAP" -jar "$JAR" preprocess --dataset "$d" --out "$WORK/cache$f" --progress none)
  rw_mbs=$(grep -o '[0-9.]* MB/s' "$WORK/last.log" | head -1 | cut -d' ' -f1)
  ROW[$f]="$n $((4 * n * EDGE * EDGE * EDGE / 1000000)) $(echo "$src_mb / $nib_s" | bc -l) $rw_mbs $pa $pl $pf"
done
declare -A BEST TA TL TF
for r in $(seq 1 "$REPEATS"); do
  for f in 1 4 16; do
    d="$WORK/Dataset90${f}_Scale"
    rm -rf "$WORK/run$f"
    read -r ta tf ts tl < <(measure "$JAVA" "-Xmx$HEAP" -jar "$JAR" train --dataset "$d" --cache "$WORK/cache$f" --out "$WORK/run$f" \
        --no-plan --no-validation --loss rrw --epochs 3 --iterations 20 --batch 4 --patch 64 --depth 3 --base-filters 16 --progress none)
    sps=$(awk -F, 'NR > 2 {s += $4; n++} END {printf "%.2f", 20 * n / s}' "$WORK/run$f/history.csv")
    if [ -z "${BEST[$f]:-}" ] || [ "$(echo "$sps > ${BEST[$f]}" | bc)" = 1 ]; then BEST[$f]=$sps; fi
    [ "${TA[$f]:-0}" -lt "$ta" ] && TA[$f]=$ta
    [ "${TL[$f]:-0}" -lt "$tl" ] && TL[$f]=$tl
    [ "${TF[$f]:-0}" -lt "$tf" ] && TF[$f]=$tf
  done
done
printf "%-5s %5s %9s %12s %12s %10s %10s %10s %8s %10s %10s %10s\n" size cases voxels_MB nibabel_MB/s rw_prep_MB/s prep_anon prep_live prep_file steps/s train_anon train_live train_file
for f in 1 4 16; do
  read -r n mb nib rw pa pl pf <<< "${ROW[$f]}"
  printf "%-5s %5d %9d %12.1f %12.1f %10d %10d %10d %8s %10d %10d %10d\n" "${f}x" "$n" "$mb" "$nib" "$rw" "$pa" "$pl" "$pf" \
      "${BEST[$f]}" "${TA[$f]}" "${TL[$f]}" "${TF[$f]}"
done
echo "# nibabel_MB/s and rw_prep_MB/s: MB of .nii.gz source files (images and labels) per second; rw_prep includes normalising, cropping and writing the cache"
echo "# *_anon: peak RssAnon (heap as the JVM sized it, natives, TensorFlow), *_live: largest heap after a GC, *_file: peak RssFile (mapped cache pages and jars), all MB"

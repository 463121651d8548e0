#!/usr/bin/env bash
# The measurements behind the README's "RW losses on small structures" tables (issue 12), sequential on this machine:
#   1. rw compare at its defaults (150 steps), 3 seeds: the synthetic tasks and colin27-subcortical;
#   2. rw train on an nnU-Net folder built from Colin27 (rw-examples/bench/colin27-nnunet.py), the new user's path
#      (planned defaults, --time-budget 8m), with --diagnostics, then the gradient plots;
#   3. the budget study: rw compare at 150, 600 and 1800 steps (epochs 10, 40, 120 of 15 steps), 3 seeds.
# Needs mricron-data, python3-nibabel and python3-matplotlib (Debian). Run from the repository root after
# 'mvn -q -DskipTests package'. OUT defaults to ./rw-small-structures (about 80 minutes on 2 cores).
set -euo pipefail
OUT=${OUT:-rw-small-structures}
J=${JAR:-rw-examples/target/rw.jar}
LOSSES=${LOSSES:-rrw,rrw-balanced,gradual@0.1:ce,rrw,ce,dice}
export TF_CPP_MIN_LOG_LEVEL=2
mkdir -p "$OUT"
java -jar "$J" compare --datasets synthetic-cardiac,synthetic-kidney,synthetic-lesions,colin27-subcortical \
    --losses "$LOSSES" --seeds 3 --out "$OUT/compare-150" --progress lines > "$OUT/compare-150.log" 2>&1
/usr/bin/python3 rw-examples/bench/colin27-nnunet.py "$OUT/Dataset901_Colin27Limbic"
IFS=',' read -r -a names <<< "$(echo "$LOSSES" | sed 's/gradual@\([0-9.]*\):\([a-z-]*\),\([a-z-]*\)/gradual@\1:\2;\3/')"
for n in "${names[@]}"; do
  loss=${n//;/,}
  tag=limbic-$(echo "$loss" | tr ':,@' '___')
  rm -rf "${OUT:?}/$tag"
  java -jar "$J" train --dataset "nnunet:$OUT/Dataset901_Colin27Limbic" --loss "$loss" --out "$OUT/$tag" \
      --diagnostics --progress lines > "$OUT/$tag.log" 2>&1 || echo "$tag exited with $?"
done
/usr/bin/python3 rw-training/bench/plot_diagnostics.py "$OUT/gradients-limbic.png" "Colin27Limbic, planned defaults (8 min budget)" \
    "$OUT/limbic-rrw=rrw" "$OUT/limbic-rrw-balanced=rrw-balanced" "$OUT/limbic-ce=ce" "$OUT/limbic-dice=dice"
for e in 40 120; do
  java -jar "$J" compare --datasets synthetic-kidney,synthetic-lesions --losses rrw,rrw-balanced,dice --seeds 3 \
      --epochs "$e" --out "$OUT/budget-$e" --progress lines > "$OUT/budget-$e.log" 2>&1
done
echo "done: $OUT"

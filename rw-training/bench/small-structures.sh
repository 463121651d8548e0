#!/usr/bin/env bash
# The measurements behind the "RW losses on small structures" tables (issue 12) of rw-training/README.md, sequential
# on this machine (about 5 hours on 2 cores; set PARTS to run some of them, e.g. PARTS="synthetic limbic-seeds"):
#   synthetic       rw compare on the three synthetic tasks at rw train's default budget (1,500 steps), one seed
#   subcortical     rw train on colin27-subcortical at its defaults, seeds 1-3 for rrw, dice, gradual-rrw-dice and
#                   seed 1 for the other recipes
#   limbic-plan     rw train on an nnU-Net folder built from Colin27 (rw-examples/bench/colin27-nnunet.py), the new
#                   user's path (planned defaults, --time-budget 8m), with --diagnostics, then the gradient plots
#   limbic-seeds    the same folder at --epochs 150 (7,500 steps), seeds 1-3, and the budget study of plain rrw at
#                   --epochs 300 (15,000 steps), seeds 1-3
#   budget          rw compare's small network on synthetic-kidney at 150, 600 and 1,800 steps, 3 seeds
# Seeds 2 and 3 ran with --threads 1 (two runs side by side); thread count changes float rounding only.
# Needs mricron-data, python3-nibabel and python3-matplotlib (Debian). Run from the repository root after
# 'mvn -q -DskipTests package'. OUT defaults to ./rw-small-structures.
set -euo pipefail
OUT=${OUT:-rw-small-structures}
J=${JAR:-rw-examples/target/rw.jar}
PARTS=${PARTS:-synthetic subcortical limbic-plan limbic-seeds budget}
export TF_CPP_MIN_LOG_LEVEL=2
mkdir -p "$OUT"
has() { [[ " $PARTS " == *" $1 "* ]]; }
run() { local tag=$1; shift; rm -rf "${OUT:?}/$tag"; java -jar "$J" "$@" --out "$OUT/$tag" --progress lines > "$OUT/$tag.log" 2>&1 || echo "$tag exited with $?"; }
tagof() { echo "$1" | tr ':,@' '___'; }

if has synthetic; then
  run synthetic compare --datasets synthetic-cardiac,synthetic-kidney,synthetic-lesions \
      --losses rrw,rrw-balanced,ce,dice,gradual-rrw-dice,rrw+dice --seeds 1 \
      --epochs 30 --iterations 50 --batch 8 --depth 4 --base-filters 16 --lr 1e-3
fi
if has subcortical; then
  for loss in rrw dice gradual-rrw-dice; do
    for s in 1 2 3; do run "subcortical-$(tagof $loss)-s$s" train --dataset colin27-subcortical --loss "$loss" --seed "$s"; done
  done
  for loss in gradual@0.1:dice,rrw gradual@0.1:ce,rrw rrw+dice; do run "subcortical-$(tagof $loss)-s1" train --dataset colin27-subcortical --loss "$loss"; done
fi
if has limbic-plan || has limbic-seeds; then
  [[ -f "$OUT/Dataset901_Colin27Limbic/dataset.json" ]] || /usr/bin/python3 rw-examples/bench/colin27-nnunet.py "$OUT/Dataset901_Colin27Limbic"
fi
L="$OUT/Dataset901_Colin27Limbic"
if has limbic-plan; then
  for loss in rrw rrw-balanced gradual@0.1:ce,rrw ce dice; do
    run "limbic-plan-$(tagof $loss)" train --dataset "$L" --loss "$loss" --diagnostics
  done
  /usr/bin/python3 rw-training/bench/plot_diagnostics.py "$OUT/gradients-limbic.png" "Colin27Limbic, planned defaults (8 min budget)" \
      "$OUT/limbic-plan-rrw=rrw" "$OUT/limbic-plan-gradual_0.1_ce_rrw=gradual@0.1:ce,rrw" "$OUT/limbic-plan-ce=ce" "$OUT/limbic-plan-dice=dice"
fi
if has limbic-seeds; then
  for loss in rrw dice gradual-rrw-dice; do
    for s in 1 2 3; do run "limbic-e150-$(tagof $loss)-s$s" train --dataset "$L" --loss "$loss" --epochs 150 --seed "$s"; done
  done
  for loss in gradual@0.1:ce,rrw gradual@0.1:dice,rrw rrw+dice; do run "limbic-e150-$(tagof $loss)-s1" train --dataset "$L" --loss "$loss" --epochs 150; done
  for s in 1 2 3; do run "limbic-e300-rrw-s$s" train --dataset "$L" --loss rrw --epochs 300 --seed "$s"; done
fi
if has budget; then
  for e in 10 40 120; do
    run "budget-$e" compare --datasets synthetic-kidney --losses rrw,dice --seeds 3 --epochs "$e"
  done
fi
echo "done: $OUT"

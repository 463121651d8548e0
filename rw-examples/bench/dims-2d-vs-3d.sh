#!/bin/bash
# 2D vs 3D U-Nets on real MRI: Colin27 (Debian's mricron-data) written as two nnU-Net folders by colin27-nnunet.py
# (the left-hemisphere box of the structures for training, the mirrored right hemisphere for testing), each trained
# with `rw train --dims 2` and `--dims 3` for the same number of optimiser steps and scored on the test volume
# (per-class Dice and Hausdorff distance in mm, medpy's definitions). Prints one markdown table.
#
# usage: bash rw-examples/bench/dims-2d-vs-3d.sh [WORK_DIR]   (needs: mvn package, mricron-data, python3-nibabel)
# RW_EPOCHS, RW_ITERATIONS, RW_LOSS, RW_BACKEND override the schedule, the loss and the engine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rw="$here/../target/rw"
work=${1:-$(mktemp -d)}
epochs=${RW_EPOCHS:-30} iterations=${RW_ITERATIONS:-50} loss=${RW_LOSS:-rrw+dice} backend=${RW_BACKEND:-tensorflow}
export TF_CPP_MIN_LOG_LEVEL=2
mkdir -p "$work"
/usr/bin/python3 "$here/colin27-nnunet.py" "$work/Dataset901_Colin27Subcortical" --task subcortical --slabs 1 >&2
/usr/bin/python3 "$here/colin27-nnunet.py" "$work/Dataset902_Colin27Limbic" --task limbic --slabs 1 >&2
common=(--loss "$loss" --backend "$backend" --epochs "$epochs" --iterations "$iterations" --base-filters 16
        --no-validation --no-progress --seed 1)
echo "| task | network | patch × batch | steps | training s | class | Dice | HD (mm) |"
echo "|---|---|---|---|---|---|---|---|"
for ds in Dataset901_Colin27Subcortical Dataset902_Colin27Limbic; do
  for dims in 2 3; do
    run="$work/runs/$ds-${dims}d"
    rm -rf "$run"
    # 2D: rw train's fixed defaults (patch = the smallest slice edge rounded down to a multiple of 16, batch 8, depth 4);
    # 3D: 32³ patches, batch 2, depth 3
    if [ "$dims" = 2 ]; then shape=(--dims 2 --batch 8 --depth 4 --no-plan)
    else shape=(--dims 3 --patch 32 --batch 2 --depth 3); fi
    log="$run.log"
    mkdir -p "$(dirname "$run")"
    "$rw" train --dataset "$work/$ds" --out "$run" "${common[@]}" "${shape[@]}" > "$log" 2>&1
    secs=$(grep -o 'trained in [0-9]* s' "$log" | grep -o '[0-9]*')
    patch=$(sed -n 's/^  patch: //p' "$run/run.yaml")
    if [ "$dims" = 2 ]; then label="${patch}² × 8"; else label="${patch}³ × 2"; fi
    tail -n +2 "$run/test-scores.csv" | while IFS=, read -r case k name dice hd; do
      # an empty HD: the class was predicted nowhere (undefined, as medpy)
      if [ -z "$hd" ]; then hd="undefined"; else hd=$(printf '%.2f' "$hd"); fi
      printf '| %s | %dD | %s | %d | %s | %s | %.3f | %s |\n' "${ds#Dataset90?_}" "$dims" "$label" $((epochs * iterations)) "$secs" "$name" "$dice" "$hd"
    done
  done
done

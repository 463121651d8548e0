#!/usr/bin/env bash
# Whole-process times of the commands users run once per case over a cohort, next to their Python peers, in one
# run (best of REPEATS, interleaved so that a change of load hits every command alike):
#   rw --version                                  (no peer: the goal is absolute, <= 0.3 s)
#   rw maps --map rrw on a 192x192x160 label volume, K = 4, .nii.gz in, .nii out
#       vs the reference code's SciPy loop (distance_transform_edt per class, -d/max(d), +1 outside) with nibabel
#   rw evaluate on 192x192x128, 3 foreground classes (Dice, IoU, ..., HD, HD95, ASSD, NSD)
#       vs medpy's algorithm (Dice, hd, hd95, assd per class as medpy.metric.binary computes them) with nibabel
# With Debian's mricron-data, the same two commands on real anatomy: Colin27's AAL caudate, putamen, pallidum and
# thalamus (181x217x181, K = 5; the prediction dilates one nucleus and erodes another).
# Usage: rw-examples/bench/startup.sh [REPEATS]   after 'mvn package' (uses rw-examples/target/rw and its CDS archive)
# Set RW_OPTS to pass JVM options through JAVA_OPTS (e.g. RW_OPTS=-Xshare:off to time without the archive).
set -euo pipefail
REPEATS=${1:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RW="$ROOT/rw-examples/target/rw"
PY=/usr/bin/python3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$PY" -c "import numpy, scipy, nibabel" 2>/dev/null || { echo "needs numpy, scipy and nibabel in $PY" >&2; exit 1; }
[ -x "$RW" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }

"$PY" - "$WORK" <<'PYEOF'
import sys, numpy as np, nibabel as nib, scipy.ndimage as nd
work = sys.argv[1]
def blobs(shape, k, seed):
    r = np.random.default_rng(seed)
    lab = np.zeros(shape, np.uint8)
    for c in range(1, k):
        noise = nd.gaussian_filter(r.standard_normal(shape).astype(np.float32), sigma=6)
        lab[(noise > np.quantile(noise, 0.85)) & (lab == 0)] = c
    return lab
aff = np.diag([1.0, 1.0, 1.2, 1])
nib.save(nib.Nifti1Image(blobs((192, 192, 160), 4, 1), aff), f"{work}/labels.nii.gz")
ref = blobs((192, 192, 128), 4, 2)
pred = np.where(nd.binary_dilation(ref == 1), 1, np.where(ref == 2, 2, np.where(nd.binary_erosion(ref == 3), 3, 0)))
nib.save(nib.Nifti1Image(ref, aff), f"{work}/ref.nii.gz")
nib.save(nib.Nifti1Image(pred.astype(np.uint8), aff), f"{work}/pred.nii.gz")
# real anatomy when Debian's mricron-data is installed: Colin27's AAL caudate, putamen, pallidum, thalamus (K = 5)
import os
aal = "/usr/share/mricron/templates/aal.nii.gz"
if os.path.exists(aal):
    img = nib.load(aal); a = np.asarray(img.dataobj)
    lab = np.zeros(a.shape, np.uint8)
    for k, codes in enumerate(((71, 72), (73, 74), (75, 76), (77, 78)), start=1): lab[np.isin(a, codes)] = k
    nib.save(nib.Nifti1Image(lab, img.affine), f"{work}/colin.nii.gz")
    cp = np.where(nd.binary_dilation(lab == 1), 1, np.where(nd.binary_erosion(lab == 2), 2, np.where(lab == 2, 0, lab)))
    nib.save(nib.Nifti1Image(cp.astype(np.uint8), img.affine), f"{work}/colin-pred.nii.gz")
PYEOF

cat > "$WORK/peer_maps.py" <<'PYEOF'
import sys, numpy as np, nibabel as nib
from scipy.ndimage import distance_transform_edt as dist
img = nib.load(sys.argv[1]); y = np.asarray(img.dataobj); k = int(sys.argv[2])
rrw = np.zeros(y.shape + (k,), np.float32)
for c in range(k):
    d = dist(y == c)
    rrw[..., c] = -1 * (d / np.max(d + 1e-15))
rrw[rrw == 0] = 1
nib.save(nib.Nifti1Image(rrw, img.affine), sys.argv[3])
PYEOF
cat > "$WORK/peer_evaluate.py" <<'PYEOF'
import sys, numpy as np, nibabel as nib
from scipy.ndimage import binary_erosion, distance_transform_edt, generate_binary_structure
def sds(result, reference, spacing):
    fp = generate_binary_structure(result.ndim, 1)
    rb = result ^ binary_erosion(result, structure=fp, iterations=1)
    fb = reference ^ binary_erosion(reference, structure=fp, iterations=1)
    return distance_transform_edt(~fb, sampling=spacing)[rb]
p = nib.load(sys.argv[1]); r = nib.load(sys.argv[2])
P, R = np.asarray(p.dataobj), np.asarray(r.dataobj); sp = r.header.get_zooms()[:3]
for c in (1, 2, 3):
    a, b = P == c, R == c
    dice = 2 * np.count_nonzero(a & b) / (np.count_nonzero(a) + np.count_nonzero(b))
    hd = max(sds(a, b, sp).max(), sds(b, a, sp).max())
    hd95 = np.percentile(np.hstack((sds(a, b, sp), sds(b, a, sp))), 95)
    assd = (sds(a, b, sp).mean() + sds(b, a, sp).mean()) / 2
    print(c, dice, hd, hd95, assd)
PYEOF

echo "# $(date -u '+%Y-%m-%d %H:%M UTC')  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)   $(java -version 2>&1 | head -1)   RW_OPTS=${RW_OPTS:-}"
export TF_CPP_MIN_LOG_LEVEL=2 JAVA_OPTS="${RW_OPTS:-}"
declare -A best
run() {  # name command...
  local t0 t1 t
  t0=$(date +%s%N); "${@:2}" > "$WORK/$1.out" 2> "$WORK/$1.err" || { echo "$1 failed:"; cat "$WORK/$1.err"; exit 1; }; t1=$(date +%s%N)
  t=$(( (t1 - t0) / 1000000 ))
  if [ -z "${best[$1]:-}" ] || [ "$t" -lt "${best[$1]}" ]; then best[$1]=$t; fi
}
for ((i = 0; i < REPEATS; i++)); do
  run version "$RW" --version
  run maps "$RW" maps --labels "$WORK/labels.nii.gz" --classes 4 --map rrw --out "$WORK/z.nii"
  run maps_peer "$PY" "$WORK/peer_maps.py" "$WORK/labels.nii.gz" 4 "$WORK/zp.nii"
  run evaluate "$RW" evaluate --pred "$WORK/pred.nii.gz" --ref "$WORK/ref.nii.gz" --classes 1,2,3
  run evaluate_peer "$PY" "$WORK/peer_evaluate.py" "$WORK/pred.nii.gz" "$WORK/ref.nii.gz"
  if [ -f "$WORK/colin.nii.gz" ]; then
    run colin_maps "$RW" maps --labels "$WORK/colin.nii.gz" --classes 5 --map rrw --out "$WORK/zc.nii"
    run colin_maps_peer "$PY" "$WORK/peer_maps.py" "$WORK/colin.nii.gz" 5 "$WORK/zcp.nii"
    run colin_evaluate "$RW" evaluate --pred "$WORK/colin-pred.nii.gz" --ref "$WORK/colin.nii.gz" --classes 1,2,3
    run colin_evaluate_peer "$PY" "$WORK/peer_evaluate.py" "$WORK/colin-pred.nii.gz" "$WORK/colin.nii.gz"
  fi
done
"$PY" - "$WORK" <<'PYEOF'
import sys, os, numpy as np, nibabel as nib
w = sys.argv[1]
for ours, peer in (("z.nii", "zp.nii"), ("zc.nii", "zcp.nii")):
    if not os.path.exists(f"{w}/{ours}"): continue
    a, b = np.asarray(nib.load(f"{w}/{ours}").dataobj), np.asarray(nib.load(f"{w}/{peer}").dataobj)
    print(f"# {ours}: maps agree with the peer, max |diff| = {np.abs(a.reshape(b.shape) - b).max():.2e}")
PYEOF
printf '%-28s %8s %8s %8s\n' command rw_s peer_s ratio
printf '%-28s %8.3f %8s %8s   (goal <= 0.300 s)\n' "rw --version" "$(echo "${best[version]} / 1000" | bc -l)" - -
for c in maps evaluate colin_maps colin_evaluate; do
  [ -n "${best[$c]:-}" ] || continue
  case $c in colin_*) label="rw ${c#colin_} (Colin27 AAL)" ;; *) label="rw $c (synthetic)" ;; esac
  printf '%-28s %8.3f %8.3f %8.3f   (goal <= 0.15)\n' "$label" "$(echo "${best[$c]} / 1000" | bc -l)" \
    "$(echo "${best[${c}_peer]} / 1000" | bc -l)" "$(echo "${best[$c]} / ${best[${c}_peer]}" | bc -l)"
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

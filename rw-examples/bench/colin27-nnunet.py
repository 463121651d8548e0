#!/usr/bin/python3
"""Builds an nnU-Net raw dataset of small deep-brain structures from Colin27 (Debian's mricron-data).

Task "limbic" (dataset "Colin27Limbic", the default): T1 (ch2) with three small structures of the AAL atlas,
hippocampus (AAL 37/38), amygdala (41/42) and pallidum (75/76), background elsewhere. Task "subcortical" (dataset
"Colin27Subcortical"): the four nuclei of rw's colin27-subcortical task, caudate (71/72), putamen (73/74), pallidum
(75/76) and thalamus (77/78). Training cases: the bounding box of the left-hemisphere structures (plus a margin) cut
into SLABS slabs along z (default 6); test case: the same box around the right-hemisphere structures, mirrored
left-right so that it looks like a left hemisphere. Nothing of this is committed: run it at use time.

usage: /usr/bin/python3 colin27-nnunet.py OUT_DIR [TEMPLATES_DIR] [--task limbic|subcortical] [--slabs N]
"""
import json
import os
import sys

import nibabel as nib
import numpy as np

args = sys.argv[1:]
task, slabs = "limbic", 6
if "--task" in args:
    i = args.index("--task")
    task = args[i + 1]
    del args[i:i + 2]
if "--slabs" in args:
    i = args.index("--slabs")
    slabs = int(args[i + 1])
    del args[i:i + 2]
if task not in ("limbic", "subcortical") or slabs < 1 or not args:
    sys.exit(__doc__)
out = args[0]
tdir = args[1] if len(args) > 1 else "/usr/share/mricron/templates"
t1 = nib.load(os.path.join(tdir, "ch2.nii.gz"))
aal = nib.load(os.path.join(tdir, "aal.nii.gz"))
img = np.asarray(t1.dataobj, dtype=np.float32)
atlas = np.asarray(aal.dataobj).astype(np.int32)
assert img.shape == atlas.shape, (img.shape, atlas.shape)

classes = {"hippocampus": (37, 38), "amygdala": (41, 42), "pallidum": (75, 76)} if task == "limbic" else \
    {"caudate": (71, 72), "putamen": (73, 74), "pallidum": (75, 76), "thalamus": (77, 78)}
title = "Colin27Limbic" if task == "limbic" else "Colin27Subcortical"
margin = 6


def labels_for(side):
    lab = np.zeros(atlas.shape, dtype=np.uint8)
    for c, pair in enumerate(classes.values(), start=1):
        lab[atlas == pair[side]] = c
    return lab


def box(lab):
    idx = np.argwhere(lab > 0)
    lo = np.maximum(idx.min(0) - margin, 0)
    hi = np.minimum(idx.max(0) + margin + 1, lab.shape)
    return lo, hi


for d in ("imagesTr", "labelsTr", "imagesTs", "labelsTs"):
    os.makedirs(os.path.join(out, d), exist_ok=True)

affine = t1.affine


def save(data, path, dtype):
    im = nib.Nifti1Image(data.astype(dtype), affine)
    im.header.set_xyzt_units("mm")
    nib.save(im, path)


left, right = labels_for(0), labels_for(1)
lo, hi = box(left)
zs = np.linspace(lo[2], hi[2], slabs + 1).round().astype(int)
for i in range(slabs):
    sl = (slice(lo[0], hi[0]), slice(lo[1], hi[1]), slice(zs[i], zs[i + 1]))
    case = "%s_%03d" % (task, i)
    save(img[sl], os.path.join(out, "imagesTr", case + "_0000.nii.gz"), np.float32)
    save(left[sl], os.path.join(out, "labelsTr", case + ".nii.gz"), np.uint8)

rlo, rhi = box(right)
# the same box size as the left one, centred on the right structures, mirrored along x
size = hi - lo
centre = (rlo + rhi) // 2
a = np.clip(centre - size // 2, 0, None)
b = np.minimum(a + size, right.shape)
sl = (slice(a[0], b[0]), slice(a[1], b[1]), slice(a[2], b[2]))
save(img[sl][::-1], os.path.join(out, "imagesTs", "%s_100_0000.nii.gz" % task), np.float32)
save(right[sl][::-1], os.path.join(out, "labelsTs", "%s_100.nii.gz" % task), np.uint8)

meta = {
    "name": title,
    "description": "Colin27 T1 (mricron-data), AAL " + ", ".join(classes) + "; left-hemisphere slabs for training, "
                   "mirrored right hemisphere for testing",
    "channel_names": {"0": "T1"},
    "labels": {"background": 0, **{k: i for i, k in enumerate(classes, start=1)}},
    "numTraining": slabs,
    "file_ending": ".nii.gz",
}
with open(os.path.join(out, "dataset.json"), "w") as f:
    json.dump(meta, f, indent=2)
counts = {k: int((left == i).sum()) for i, k in enumerate(classes, start=1)}
print("wrote %s: box %s..%s (%s voxels), left-hemisphere voxels per class %s" % (out, lo, hi, size, counts))

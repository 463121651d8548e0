#!/usr/bin/python3
"""Plots rw train --diagnostics output of several runs side by side (Debian's python3-matplotlib).

usage: plot_diagnostics.py OUT.png TITLE RUN_DIR[=LABEL] ...

Top row: per-voxel gradient norm at the logits (grad_norm / sqrt(voxels)) per ground-truth class, log scale.
Bottom row: fraction of the class's voxels whose own-class probability is below 0.01. One column per run.
"""
import csv
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

out, title, runs = sys.argv[1], sys.argv[2], sys.argv[3:]
fig, axes = plt.subplots(2, len(runs), figsize=(4.2 * len(runs), 6.4), sharex=True, squeeze=False)
for col, spec in enumerate(runs):
    path, _, label = spec.partition("=")
    rows = list(csv.DictReader(open(os.path.join(path, "diagnostics.csv"))))
    names = None
    hist = os.path.join(path, "config.properties")
    if os.path.exists(hist):
        for line in open(hist):
            if line.startswith("classes="):
                names = line.strip().split("=", 1)[1].replace("\\:", ":").split(",")
    classes = sorted({int(r["class"]) for r in rows})
    for c in classes:
        rs = [r for r in rows if int(r["class"]) == c and int(r["voxels"]) > 0]
        if not rs:
            continue
        e = [int(r["epoch"]) for r in rs]
        g = [float(r["grad_norm"]) / math.sqrt(int(r["voxels"])) for r in rs]
        f = [float(r["frac_p_below_0.01"]) for r in rs]
        name = names[c] if names and c < len(names) else "class %d" % c
        axes[0][col].semilogy(e, [max(v, 1e-12) for v in g], label=name)
        axes[1][col].plot(e, f, label=name)
    axes[0][col].set_title(label or rows[0]["loss"])
    axes[1][col].set_xlabel("epoch")
    axes[1][col].set_ylim(-0.03, 1.03)
axes[0][0].set_ylabel("gradient norm per voxel at the logits")
axes[1][0].set_ylabel("fraction of voxels with p(own class) < 0.01")
axes[0][-1].legend(fontsize=8)
fig.suptitle(title)
fig.tight_layout()
fig.savefig(out, dpi=80)
print("wrote", out)

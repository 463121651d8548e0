#!/usr/bin/python3
"""Writes two 3D uint8 masks (x fastest) for the HD benchmark: a lumpy reference blob and a shifted, perturbed
prediction with a false-positive island and a hole. Usage: make_blobs.py OUTDIR N SEED"""
import sys

import numpy as np


def blob(n, rng, centre, radii, bumps):
    z, y, x = np.ogrid[:n, :n, :n]
    m = ((x - centre[0]) / radii[0]) ** 2 + ((y - centre[1]) / radii[1]) ** 2 + ((z - centre[2]) / radii[2]) ** 2 <= 1
    for _ in range(bumps):
        c = centre + rng.uniform(-0.8, 0.8, 3) * radii
        r = rng.uniform(0.15, 0.35) * radii.min()
        m |= (x - c[0]) ** 2 + (y - c[1]) ** 2 + (z - c[2]) ** 2 <= r * r
    return m


def main():
    out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = np.random.default_rng(seed)
    centre = np.array([n / 2, n / 2, n / 2])
    radii = np.array([0.30, 0.35, 0.28]) * n
    ref = blob(n, rng, centre, radii, 6)
    pred = blob(n, rng, centre + np.array([0.02, -0.015, 0.01]) * n, radii * np.array([1.05, 0.95, 1.02]), 6)
    z, y, x = np.ogrid[:n, :n, :n]
    pred |= (x - 0.85 * n) ** 2 + (y - 0.15 * n) ** 2 + (z - 0.8 * n) ** 2 <= (0.05 * n) ** 2   # false positive
    pred &= ~((x - n / 2) ** 2 + (y - n / 2) ** 2 + (z - n / 2) ** 2 <= (0.06 * n) ** 2)          # hole
    ref.astype(np.uint8).tofile(out + '/ref.raw')     # C order [z, y, x]: x fastest
    pred.astype(np.uint8).tofile(out + '/pred.raw')
    print('reference voxels %d, prediction voxels %d' % (ref.sum(), pred.sum()))


if __name__ == '__main__':
    main()

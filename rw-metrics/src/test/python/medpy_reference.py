#!/usr/bin/python3
"""medpy.metric.binary's surface-distance algorithm written out with SciPy (medpy itself is not installed).

Same steps as medpy 0.4/0.5 ``__surface_distances``: border = mask XOR binary_erosion(mask, structure of the
connectivity, iterations=1) (SciPy's border_value=0), distance_transform_edt(~reference_border, sampling=spacing),
read at the result border. hd = max of both directions; hd95 = numpy.percentile of both directions pooled;
asd = mean(result -> reference); assd = mean of the two asds. Also MONAI's max-of-directed 95th percentile.

Usage: medpy_reference.py PRED.raw REF.raw NX,NY[,NZ] SX,SY[,SZ] CONNECTIVITY [REPEATS]
Masks are uint8 raw files, x fastest (index x + nx*(y + ny*z)); spacing in mm in the same axis order.
Prints one JSON object. "seconds" is the best-of-REPEATS time of medpy's hd (two surface-distance calls);
"seconds_hd_hd95_assd" the time of hd + hd95 + assd as medpy computes them (six calls).
"""
import json
import sys
import time

import numpy as np
from scipy.ndimage import binary_erosion, distance_transform_edt, generate_binary_structure


def surface_distances(result, reference, spacing, connectivity):
    result = np.atleast_1d(result.astype(bool))
    reference = np.atleast_1d(reference.astype(bool))
    spacing = np.asarray(spacing, dtype=np.float64)
    footprint = generate_binary_structure(result.ndim, connectivity)
    if 0 == np.count_nonzero(result):
        raise RuntimeError('The first supplied array does not contain any binary object.')
    if 0 == np.count_nonzero(reference):
        raise RuntimeError('The second supplied array does not contain any binary object.')
    result_border = result ^ binary_erosion(result, structure=footprint, iterations=1)
    reference_border = reference ^ binary_erosion(reference, structure=footprint, iterations=1)
    dt = distance_transform_edt(~reference_border, sampling=spacing)
    return dt[result_border]


def hd(r, g, s, c):
    return max(surface_distances(r, g, s, c).max(), surface_distances(g, r, s, c).max())


def hd95(r, g, s, c):
    return np.percentile(np.hstack((surface_distances(r, g, s, c), surface_distances(g, r, s, c))), 95)


def asd(r, g, s, c):
    return surface_distances(r, g, s, c).mean()


def assd(r, g, s, c):
    return np.mean((asd(r, g, s, c), asd(g, r, s, c)))


def main():
    pred_path, ref_path, shape_arg, spacing_arg, conn = sys.argv[1:6]
    repeats = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    size = [int(v) for v in shape_arg.split(',')]
    spacing = [float(v) for v in spacing_arg.split(',')]
    conn = int(conn)
    shape = tuple(reversed(size))           # numpy C order: [z, y, x]
    sampling = tuple(reversed(spacing))
    pred = np.fromfile(pred_path, dtype=np.uint8).reshape(shape).astype(bool)
    ref = np.fromfile(ref_path, dtype=np.uint8).reshape(shape).astype(bool)
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter()
        v_hd = hd(pred, ref, sampling, conn)
        best = min(best, time.perf_counter() - t0)
    t0 = time.perf_counter()
    v_hd95 = hd95(pred, ref, sampling, conn)
    v_assd = assd(pred, ref, sampling, conn)
    t_three = time.perf_counter() - t0 + best
    a = surface_distances(pred, ref, sampling, conn)
    b = surface_distances(ref, pred, sampling, conn)
    out = {
        'hd': float(v_hd), 'hd95': float(v_hd95), 'asd': float(asd(pred, ref, sampling, conn)), 'assd': float(v_assd),
        'hd95_monai': float(max(np.percentile(a, 95), np.percentile(b, 95))),
        'n_pred_surface': int(a.size), 'n_ref_surface': int(b.size),
        'seconds': best, 'seconds_hd_hd95_assd': t_three,
    }
    print(json.dumps(out))


if __name__ == '__main__':
    main()

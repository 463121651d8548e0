package org.regionwise.core.image;

import org.regionwise.core.internal.Checks;

/** Index arithmetic for taking a 2D slice out of a 3D grid. */
record Slicing(Grid source, int axis, int index, Grid grid) {

    static Slicing of(Grid source, int axis, int index) {
        Checks.require(source.dimensions() == 3, "only a 3D image can be sliced, this one is %s", source.describeSize());
        Checks.require(axis >= 0 && axis < 3, "slice axis must be 0, 1 or 2, got %d", axis);
        Checks.require(index >= 0 && index < source.size(axis),
                "slice %d is outside axis %d of size %d", index, axis, source.size(axis));
        int a0 = axis == 0 ? 1 : 0;
        int a1 = axis == 2 ? 1 : 2;
        Grid g = Grid.of(new int[] {source.size(a0), source.size(a1)}, new double[] {source.spacing(a0), source.spacing(a1)});
        return new Slicing(source, axis, index, g);
    }

    /** Flat index in the 3D source of flat index {@code i} of the 2D slice. */
    int sourceIndex(int i) {
        int u = i % grid.size(0);
        int v = i / grid.size(0);
        return switch (axis) {
            case 0 -> source.index(index, u, v);
            case 1 -> source.index(u, index, v);
            default -> source.index(u, v, index);
        };
    }
}

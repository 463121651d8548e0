package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.regionwise.maps.internal.ConnectedComponents;

class ConnectedComponentsTest {
    @Test
    void faceConnectivityIn2DAnd3D() {
        // 4x3:  1 1 0 1
        //       0 0 0 1
        //       1 0 1 0    diagonal neighbours are separate components
        boolean[] m = {true, true, false, true, false, false, false, true, true, false, true, false};
        int[] l = ConnectedComponents.label(m, new int[] {4, 3});
        assertThat(l).containsExactly(1, 1, 0, 2, 0, 0, 0, 2, 3, 0, 4, 0);
        assertThat(ConnectedComponents.count(l)).isEqualTo(4);
        // 2x2x2 with two voxels stacked along z: one component; a third voxel diagonal to them: another
        boolean[] v = new boolean[8];
        v[0] = true;
        v[4] = true;
        v[3] = true;
        int[] lv = ConnectedComponents.label(v, new int[] {2, 2, 2});
        assertThat(lv[0]).isEqualTo(lv[4]).isNotEqualTo(lv[3]);
        assertThat(ConnectedComponents.count(lv)).isEqualTo(2);
    }
}

package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
    @Test
    void deletesAFolderWithNestedFoldersAndFilesAndNothingBeside(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("run/checkpoints/last/variables"));
        Files.writeString(root.resolve("w.bin"), "x");
        Files.writeString(dir.resolve("run/run.yaml"), "y");
        Files.createDirectories(dir.resolve("run/empty"));
        Files.writeString(dir.resolve("keep.txt"), "z");
        FileTrees.delete(dir.resolve("run"));
        assertThat(dir.resolve("run")).doesNotExist();
        assertThat(dir.resolve("keep.txt")).hasContent("z");
        FileTrees.delete(dir.resolve("keep.txt"));
        assertThat(dir.resolve("keep.txt")).doesNotExist();
        assertThatThrownBy(() -> FileTrees.delete(dir.resolve("nowhere"))).isInstanceOf(NoSuchFileException.class);
    }
}

package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        assertThat(names()).containsExactly("a.txt");
    }

    @Test
    void failureLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.bin");
        AtomicFiles.writeBytes(f, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk on fire");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot write " + f).hasMessageContaining("disk on fire");
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
        assertThat(names()).containsExactly("a.bin");
    }

    @Test
    void runtimeFailureAlsoCleansUp() throws IOException {
        Path f = dir.resolve("new.bin");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(42);
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(f).doesNotExist();
        assertThat(names()).isEmpty();
    }

    @Test
    void createsParentDirectories() throws IOException {
        Path f = dir.resolve("x/y/z.txt");
        AtomicFiles.writeString(f, "deep");
        assertThat(Files.readString(f)).isEqualTo("deep");
    }

    @Test
    void unwritableTargetIsReportedWithItsName() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "not a directory");
        Path f = blocker.resolve("child.txt");
        assertThatThrownBy(() -> AtomicFiles.writeString(f, "x")).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + f);
    }
}

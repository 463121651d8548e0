package org.regionwise.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file holds exactly the bytes written, whatever their length relative to the chunk and block sizes and however
 * they arrive (single bytes, odd slices); large content goes past the page cache where the file system allows it.
 */
class DirectFileOutputTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, DirectFileOutput.CHUNK - 1, DirectFileOutput.CHUNK,
            DirectFileOutput.CHUNK + 1, 3 * DirectFileOutput.CHUNK + 12345})
    void theFileHoldsExactlyTheBytesWritten(int length) throws IOException {
        byte[] content = new byte[length];
        new Random(length).nextBytes(content);
        Path f = dir.resolve("out.bin");
        Random slices = new Random(7);
        DirectFileOutput out = DirectFileOutput.create(f);
        try (out) {
            int i = 0;
            while (i < length) {
                if (slices.nextInt(5) == 0) {
                    out.write(content[i++]);
                } else {
                    int n = Math.min(length - i, 1 + slices.nextInt(300_000));
                    out.write(content, i, n);
                    i += n;
                }
            }
        }
        assertThat(Files.readAllBytes(f)).isEqualTo(content);
        if (length < DirectFileOutput.CHUNK) assertThat(out.wroteDirect()).isFalse();
    }

    @Test
    void largeContentBypassesThePageCacheOnThisFileSystem() throws IOException {
        Path f = dir.resolve("big.bin");
        DirectFileOutput out = DirectFileOutput.create(f);
        try (out) {
            out.write(new byte[2 * DirectFileOutput.CHUNK + 5]);
        }
        assertThat(Files.size(f)).isEqualTo(2L * DirectFileOutput.CHUNK + 5);
        // ext4 and xfs accept O_DIRECT; tmpfs refuses it and the same bytes go through the page cache instead
        String type = Files.getFileStore(f).type();
        if (type.equals("ext4") || type.equals("xfs")) assertThat(out.wroteDirect()).as(type).isTrue();
    }

    @Test
    void refusesAnExistingFileAndWritesAfterClose() throws IOException {
        Path f = dir.resolve("x.bin");
        Files.write(f, new byte[] {1});
        assertThatThrownBy(() -> DirectFileOutput.create(f)).isInstanceOf(FileAlreadyExistsException.class);
        Path g = dir.resolve("y.bin");
        DirectFileOutput out = DirectFileOutput.create(g);
        out.close();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThat(Files.size(g)).isZero();
    }
}

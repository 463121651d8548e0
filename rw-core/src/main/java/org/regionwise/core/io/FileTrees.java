package org.regionwise.core.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/** Whole folders: the one recursive delete that checkpoints, run directories and report archives use. */
public final class FileTrees {
    private FileTrees() {}

    /**
     * Deletes {@code root} and everything under it (files first, then each folder once it is empty); a plain file is
     * deleted on its own.
     *
     * @param root the folder or file to delete
     * @throws java.nio.file.NoSuchFileException when {@code root} does not exist
     * @throws IOException on the first entry that cannot be deleted (the entries before it are gone)
     */
    public static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

/**
 * Reading and writing images: NIfTI-1 ({@code .nii}, {@code .nii.gz}, and {@code .hdr}/{@code .img} pairs for
 * reading) through {@link org.regionwise.core.io.Nifti}, 2D PNG through {@link org.regionwise.core.io.Png}.
 *
 * <p>Every writer goes through {@link org.regionwise.core.io.AtomicFiles}: a file is either completely written or not
 * touched. Every format problem is reported as an {@link org.regionwise.core.io.ImageFormatException} whose message
 * names the file and the header field or voxel at fault; plain I/O failures (missing file, no permission) are
 * {@link java.io.UncheckedIOException}s naming the file.
 *
 * <p>Voxel order on disk and in memory is the same: x fastest ({@code x + nx * (y + ny * z)}), so reading is a bulk
 * conversion without any transposition.
 */
@NullMarked
package org.regionwise.core.io;

import org.jspecify.annotations.NullMarked;

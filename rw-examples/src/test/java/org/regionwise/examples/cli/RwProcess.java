package org.regionwise.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code rw} in a JVM of its own, as a user does (the test's class path, output to a log file): for kill tests,
 * and for bit-exact comparisons, which hold between processes of the same thread count; in one JVM that has already
 * trained and drawn a report, an in-process resume was seen to round differently.
 */
final class RwProcess {
    private RwProcess() {}

    static Process start(Path log, String... args) throws IOException {
        return start(log, List.of(), args);
    }

    /** As {@link #start(Path, String...)} with JVM options before the class name. */
    static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RwCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        return b.start();
    }

    /** Runs to the end and returns the exit code. */
    static int run(Path log, String... args) throws IOException, InterruptedException {
        return start(log, args).waitFor();
    }
}

package org.regionwise.examples.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/** How {@code rw train} and {@code rw compare} show progress on stderr. */
final class ProgressOptions {
    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress on stderr: bar (redrawn in place), lines (a plain line every 30 s and at every run, for logs), "
                    + "none, or auto: bar on a terminal, lines otherwise (default: ${DEFAULT-VALUE}).")
    ProgressDisplay.Mode mode = ProgressDisplay.Mode.AUTO;

    @Option(names = "--no-progress", description = "Same as --progress none.")
    boolean none;

    /** The display of the chosen mode for {@code runs} runs of {@code stepsPerRun} optimiser steps. */
    ProgressDisplay open(String task, long runs, long stepsPerRun, PrintStream out) {
        return new ProgressDisplay(task, runs, stepsPerRun, out, resolved(), System::nanoTime);
    }

    /** BAR, LINES or NONE: {@code --no-progress} wins, AUTO is a bar on a terminal and lines otherwise. */
    ProgressDisplay.Mode resolved() {
        ProgressDisplay.Mode m = none ? ProgressDisplay.Mode.NONE : mode;
        return m == ProgressDisplay.Mode.AUTO ? (System.console() != null ? ProgressDisplay.Mode.BAR : ProgressDisplay.Mode.LINES) : m;
    }
}

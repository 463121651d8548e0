package org.regionwise.examples.cli;

import org.jspecify.annotations.Nullable;

/**
 * A problem the user can fix (a missing file, inconsistent options, unusable input): {@code rw} prints the message as
 * one line {@code rw: <message>} and exits with code 2, without a stack trace unless {@code --debug} is given.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error the user can fix, reported in one line.
     *
     * @param message the line
     */
    public UserError(String message) {
        super(message);
    }

    /**
     * An error the user can fix, with its cause (shown with {@code --debug}).
     *
     * @param message the line
     * @param cause the underlying exception, if any
     */
    public UserError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

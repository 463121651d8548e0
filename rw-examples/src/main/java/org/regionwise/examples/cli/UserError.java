package org.regionwise.examples.cli;

import org.jspecify.annotations.Nullable;

/**
 * A problem the user can fix (a missing file, inconsistent options, unusable input): {@code rw} prints the message as
 * one line {@code rw: <message>} and exits with code 2, without a stack trace unless {@code --debug} is given.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

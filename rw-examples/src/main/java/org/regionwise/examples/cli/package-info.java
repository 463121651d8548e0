/**
 * The {@code rw} command line: {@link org.regionwise.examples.cli.RwCommand} and its subcommands.
 *
 * <h2>Adding a subcommand</h2>
 * <ol>
 *   <li>Write a class, e.g. {@code MapsCommand}, annotated {@code @Command(name = "maps", description = "...",
 *       mixinStandardHelpOptions = true)} that implements {@code Callable<Integer>} and returns 0 on success
 *       (see {@link org.regionwise.examples.cli.InfoCommand}).</li>
 *   <li>Add {@code MapsCommand.class} to {@code subcommands = {...}} of {@link org.regionwise.examples.cli.RwCommand}
 *       (one line).</li>
 * </ol>
 * Do not catch exceptions to print them yourself: throw. The shared handlers ({@link org.regionwise.examples.cli.CliErrors})
 * turn user errors ({@link org.regionwise.examples.cli.UserError}, {@link org.regionwise.core.io.ImageFormatException},
 * {@link IllegalArgumentException}, I/O errors such as a missing file, and bad options) into one line
 * {@code rw: <message>} on stderr and exit code 2, and anything else into a one-line internal-error message and exit
 * code 1; {@code --debug} (accepted before or after the subcommand name) adds the stack trace and raises logging to
 * DEBUG. Print results to {@code spec.commandLine().getOut()} (inject {@code @Spec CommandSpec spec}) so that tests
 * can capture them.
 *
 * <h2>Testing a subcommand</h2>
 * Build the command line with {@link org.regionwise.examples.cli.RwCommand#commandLine()} (not
 * {@code new CommandLine(new RwCommand())}, which lacks the error handlers), set its out and err writers, and call
 * {@code execute(args)} in-process.
 */
@NullMarked
package org.regionwise.examples.cli;

import org.jspecify.annotations.NullMarked;

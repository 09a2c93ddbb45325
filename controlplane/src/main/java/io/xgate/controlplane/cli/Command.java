package io.xgate.controlplane.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code xgate} sub-command. */
interface Command {
    /** @return the process exit code */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}

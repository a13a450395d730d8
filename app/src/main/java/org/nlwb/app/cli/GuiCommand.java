package org.nlwb.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nlwb gui [FILE...]}: opens the workbench window (the default when no subcommand is named). */
@Command(name = "gui", description = "Open the workbench window on FILEs (a bundled sample when none).")
public final class GuiCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        System.err.println("nlwb: the window is not part of this build yet; use: nlwb decode FILE");
        return 1;
    }
}

package org.newsroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./newsroom} command: {@code run} (the demo) and {@code import} (bulk import). */
@Command(name = "newsroom", mixinStandardHelpOptions = true, version = "newsroom 0.1.0",
        description = "Newsroom: the story so far, with per-claim provenance.",
        subcommands = {RunCommand.class, ImportCommand.class})
public class Newsroom {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Newsroom()).execute(args));
    }
}

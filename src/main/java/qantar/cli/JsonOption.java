package qantar.cli;

import picocli.CommandLine.Option;

/** --json, for every command that can print its result for a program instead of a person. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
}

package qantar.cli;

import picocli.CommandLine.Option;

/** --json, for every command that can print its result for a program instead of a person, with the streams it prints to. */
final class JsonOption extends Streams {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
}

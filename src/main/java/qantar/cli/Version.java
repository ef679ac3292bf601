package qantar.cli;

import picocli.CommandLine.IVersionProvider;
import qantar.config.ProgramVersion;

/** --version: the version Maven builds. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Qantar Sources " + ProgramVersion.number()};
    }
}

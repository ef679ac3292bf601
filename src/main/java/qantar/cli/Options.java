package qantar.cli;

import qantar.app.Qantar;
import qantar.config.Locations;

/** Opens the program on the folders the environment names (QANTAR_DATA_DIR, ...). */
final class Options {
    private Options() {
    }

    static Qantar open() {
        return Qantar.open(Locations.dataDir(), Locations.knowledgeDir(), Locations.configDir(), new ConsoleProgress());
    }
}

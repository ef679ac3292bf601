package qantar.cli;

/**
 * Loads, on the second core while the first parses the command line and reads the config, the
 * libraries a command needs next: SnakeYAML, SQLite's driver and native library, Lucene's codec and
 * the JSON reader of a stored answer. A cold {@code ask} spends most of its time loading classes, one core at a
 * time; this moves a part of it beside the rest. Nothing here is needed for correctness: a failure
 * only means the main thread loads the same classes itself.
 */
final class Warmup {
    private Warmup() {
    }

    static void inBackground() {
        Thread t = new Thread(Warmup::load, "qantar-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void load() {
        try {
            // In the order the command needs them: config, database, index, the stored answer.
            new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.LoaderOptions()).load("warm: [up]");
            org.sqlite.SQLiteJDBCLoader.initialize();
            org.apache.lucene.codecs.Codec.getDefault();
            qantar.answer.AnswerJson.prepareReading();
        } catch (Exception | LinkageError e) {
            // the main thread meets the same problem, if it is one, and reports it
        }
    }
}

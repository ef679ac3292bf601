package qantar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import qantar.app.Qantar;
import qantar.config.Locations;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.CorpusWriter;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Problem;
import qantar.corpus.Side;
import qantar.json.Json;
import qantar.search.Embedder;
import qantar.search.ShippedVectors;
import qantar.store.CorpusStore;
import qantar.store.Database;

@Command(name = "corpus", description = "Checks, imports, exports and counts the curated corpus.",
        subcommands = {CorpusCommand.Validate.class, CorpusCommand.Import.class, CorpusCommand.Export.class, CorpusCommand.Stats.class,
                CorpusCommand.Duplicates.class, CorpusCommand.Vectors.class})
final class CorpusCommand {

    /** The corpus folder a subcommand reads: the argument, else the configured knowledge/. */
    static final class Folder {
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "The corpus folder (default: knowledge).")
        Path dir;

        CorpusReader.Result read() {
            return CorpusReader.read(path());
        }

        Path path() {
            return dir != null ? dir : Locations.knowledgeDir();
        }
    }

    /** A subcommand on the corpus folder: its argument, its output streams. */
    abstract static class OnFolder implements Callable<Integer> {
        @Mixin
        Streams io;

        @Mixin
        Folder folder;
    }

    /** A subcommand on the corpus the folder holds, which stops with its problems when it has errors. */
    abstract static class OnCorpus extends OnFolder {
        @Override
        public final Integer call() {
            run(folder.read().orThrow());
            return 0;
        }

        abstract void run(Corpus corpus);
    }

    @Command(name = "validate", description = "Reports every problem with file and line; exits 65 if there is an error.")
    static final class Validate extends OnFolder {
        @Override
        public Integer call() {
            CorpusReader.Result r = folder.read();
            PrintWriter out = io.out();
            PrintWriter err = io.err();
            r.problems().forEach(p -> (p.severity() == Problem.Severity.ERROR ? err : out).println(p));
            long warnings = r.problems().size() - r.errors().size();
            if (!r.ok()) {
                err.println(r.errors().size() + " error(s), " + warnings + " warning(s)");
                return Errors.DATA;
            }
            out.println("ok: " + r.corpus().sources().size() + " sources, " + r.corpus().passages().size()
                    + " passages, " + warnings + " warning(s)");
            return 0;
        }
    }

    @Command(name = "duplicates", description = "Lists passages of one side that may state the same fact and are in no cluster (candidates for same_as).")
    static final class Duplicates extends OnCorpus {
        @Override
        void run(Corpus corpus) {
            PrintWriter out = io.out();
            var pairs = qantar.corpus.LikelyDuplicates.of(corpus);
            for (var p : pairs) {
                out.printf("%.2f %-12s %s ~ %s%s%n", p.overlap(), p.a().side().id(), p.a().id(), p.b().id(),
                        p.figures().isEmpty() ? "" : "  figures " + new java.util.TreeSet<>(p.figures()));
            }
            out.println(pairs.size() + " candidate pair(s)");
        }
    }

    @Command(name = "import", description = "Loads the corpus folder into the database in one transaction.")
    static final class Import extends OnCorpus {
        @Override
        void run(Corpus corpus) {
            try (Database db = Database.open(Locations.dataDir())) {
                CorpusStore.ImportReport r = new CorpusStore(db).importCorpus(corpus, "corpus import",
                        new ConsoleProgress().start("Importing", corpus.passages().size()));
                PrintWriter out = io.out();
                out.printf("sources: %d new, %d changed; passages: %d new, %d changed, %d retired, %d unchanged%n",
                        r.sourcesCreated(), r.sourcesUpdated(), r.passagesCreated(), r.passagesUpdated(),
                        r.passagesRetired(), r.passagesUnchanged());
                r.conflicts().forEach(id -> io.err().println(
                        "conflict: passage " + id + " was changed by moderators since the last import; the file's version was not applied"));
            }
            // The next ask/serve rebuilds the index for the new revision.
        }
    }

    @Command(name = "vectors", description = "Writes the passage vectors shipped with the corpus (DIR/vectors.bin), so a first start embeds nothing.")
    static final class Vectors extends OnCorpus {
        @Override
        void run(Corpus corpus) {
            Embedder embedder = Embedder.fromSetting(Locations.setting("QANTAR_VECTORS"))
                    .orElseThrow(() -> Failure.unavailable("QANTAR_VECTORS is off: there is no model to embed with", null));
            ShippedVectors.Written w = ShippedVectors.write(folder.path(), corpus, embedder);
            io.out().printf("%s: %d vectors (%d kept from the previous file, %d embedded)%n",
                    folder.path().resolve(ShippedVectors.FILE), w.total(), w.reused(), w.embedded());
        }
    }

    @Command(name = "export", description = "Writes the live corpus in the knowledge/ format.")
    static final class Export implements Callable<Integer> {
        @Mixin
        Streams io;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Target folder (default: export).")
        Path dir = Path.of("export");

        @Override
        public Integer call() throws IOException {
            try (Qantar app = Options.open()) {
                CorpusWriter.write(app.live().corpus(), dir);
                io.out().println("exported " + app.live().corpus().sources().size() + " sources, "
                        + app.live().corpus().passages().size() + " passages to " + dir);
            }
            return 0;
        }
    }

    @Command(name = "stats", description = "Counts sources and passages by side and language.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        JsonOption output;

        @Override
        public Integer call() throws IOException {
            try (Qantar app = Options.open()) {
                Corpus c = app.live().corpus();
                Map<String, Integer> bySide = new TreeMap<>();
                for (Side s : Side.values()) {
                    bySide.put(s.id(), 0);
                }
                Map<String, Integer> byLang = new TreeMap<>();
                Map<String, Integer> byTopic = new TreeMap<>();
                Map<String, qantar.corpus.Source> sources = c.sourcesById();
                int onCopies = 0;
                for (Passage p : c.passages()) {
                    bySide.merge(p.side().id(), 1, Integer::sum);
                    p.topics().forEach(t -> byTopic.merge(t, 1, Integer::sum));
                    qantar.corpus.Source src = sources.get(p.sourceId());
                    if (src != null && src.isCopy()) {
                        onCopies++;
                    }
                    for (Lang l : p.texts().keySet()) {
                        byLang.merge(l.code(), 1, Integer::sum);
                    }
                }
                PrintWriter out = output.out();
                if (output.json) {
                    ObjectNode o = Json.MAPPER.createObjectNode();
                    o.put("sources", c.sources().size());
                    o.put("passages", c.passages().size());
                    o.set("by_side", Json.MAPPER.valueToTree(bySide));
                    o.set("by_language", Json.MAPPER.valueToTree(byLang));
                    o.set("by_topic", Json.MAPPER.valueToTree(byTopic));
                    o.put("passages_on_copies", onCopies);
                    o.put("copy_share", c.passages().isEmpty() ? 0 : Math.round(1000.0 * onCopies / c.passages().size()) / 1000.0);
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
                } else {
                    out.println("sources: " + c.sources().size());
                    out.println("passages: " + c.passages().size() + " (corpus revision " + app.live().revision() + ")");
                    bySide.forEach((k, v) -> out.printf("  %-13s %4d%n", k, v));
                    out.println("texts by language:");
                    byLang.forEach((k, v) -> out.printf("  %-13s %4d%n", k, v));
                    out.println("passages by topic:");
                    byTopic.forEach((k, v) -> out.printf("  %-13s %4d%n", k, v));
                    out.printf("passages on mirrors, copies or aggregators: %d (%.1f %%)%n", onCopies,
                            c.passages().isEmpty() ? 0.0 : 100.0 * onCopies / c.passages().size());
                }
            }
            return 0;
        }
    }
}

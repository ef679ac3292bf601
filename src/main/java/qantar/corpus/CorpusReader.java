package qantar.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a knowledge/ folder, or one source file a moderator uploaded. Validation
 * collects every problem with its file and line instead of stopping at the first, so an author can
 * fix a file in one pass.
 */
public final class CorpusReader {
    public static final int MAX_QUOTE_WORDS = 25;
    /** Questions a passage answers, per language it has a text in. */
    public static final int MIN_ASKS = 2;
    public static final int MAX_ASKS = 6;
    public static final int MAX_ASK_CHARS = 200;

    /** What was read, and every problem found. The corpus is complete only when there are no errors. */
    public record Result(Corpus corpus, List<Problem> problems) {
        public List<Problem> errors() {
            return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        }

        public boolean ok() {
            return errors().isEmpty();
        }

        /** The corpus, or an exception listing every error: nothing invalid is ever used. */
        public Corpus orThrow() {
            if (!ok()) {
                throw new CorpusException(errors());
            }
            return corpus;
        }
    }

    private CorpusReader() {
    }

    /** Reads a whole knowledge folder. */
    public static Result read(Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 0, Problem.Severity.ERROR, "no such directory"));
            return new Result(new Corpus(List.of(), List.of(), List.of(), List.of(), List.of()), problems);
        }
        List<Topic> topics = TopicsFile.read(dir, problems);
        List<GlossaryGroup> glossary = GlossaryFile.read(dir, problems);
        IdRegistry ids = new IdRegistry();
        SameAsRefs sameAs = new SameAsRefs();
        SourceFileReader reader = new SourceFileReader(problems, ids,
                new PassageReader(ids, new HashSet<>(topics.stream().map(Topic::id).toList()), sameAs));
        List<Source> sources = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        Path sourcesDir = dir.resolve("sources");
        if (!Files.isDirectory(sourcesDir)) {
            problems.add(new Problem(sourcesDir.toString(), 0, Problem.Severity.ERROR, "no sources directory"));
        } else {
            for (Path f : CorpusFiles.listYaml(sourcesDir, problems)) {
                reader.read(CorpusFiles.relative(dir, f), CorpusFiles.read(dir, f, problems), sources, passages);
            }
        }
        Set<String> read = new HashSet<>(passages.stream().map(Passage::id).toList());
        List<TimelineItem> timeline = TimelineFile.read(dir, id -> ids.passageKnown(id) || read.contains(id), problems);
        sameAs.check(passages, Map.of(), problems);
        return new Result(new Corpus(sources, passages, topics, glossary, timeline), problems);
    }

    /**
     * Reads one source file given as text (e.g. uploaded by a moderator), checking its ids against
     * those already taken.
     */
    public static Result readSource(String fileName, String content, Set<String> topicIds,
                                    Set<String> takenSourceIds, Set<String> takenPassageIds) {
        return readSource(fileName, content, topicIds, takenSourceIds, takenPassageIds, Map.of());
    }

    /** As above; {@code livePassages} are the passages a same_as in the file may name. */
    public static Result readSource(String fileName, String content, Set<String> topicIds,
                                    Set<String> takenSourceIds, Set<String> takenPassageIds, Map<String, Passage> livePassages) {
        List<Problem> problems = new ArrayList<>();
        IdRegistry ids = new IdRegistry();
        ids.takenByLiveCorpus(takenSourceIds, takenPassageIds);
        SameAsRefs sameAs = new SameAsRefs();
        SourceFileReader reader = new SourceFileReader(problems, ids, new PassageReader(ids, topicIds, sameAs));
        List<Source> sources = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        reader.read(fileName, CorpusFiles.parse(fileName, CorpusFiles.checkText(fileName, content, problems), problems),
                sources, passages);
        sameAs.check(passages, livePassages, problems);
        return new Result(new Corpus(sources, passages, List.of(), List.of(), List.of()), problems);
    }

    /** Counts words as runs that hold a letter or digit, so dashes and quotation marks do not count. */
    public static int words(String text) {
        int n = 0;
        for (String w : text.strip().split("\\s+")) {
            if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }
}

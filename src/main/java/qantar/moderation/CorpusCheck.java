package qantar.moderation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.CorpusWriter;
import qantar.corpus.Passage;
import qantar.corpus.Problem;
import qantar.corpus.Source;
import qantar.corpus.Topic;
import qantar.store.CorpusStore;

/**
 * Checks moderators' changes with the same validator as knowledge/, by writing them in the
 * knowledge/ format and reading them back: whatever goes live can also be exported and imported.
 */
final class CorpusCheck {
    private CorpusCheck() {
    }

    /** Errors of one passage of a live source; {@code taken} are the passage ids it may not use. */
    static List<String> passage(Corpus live, Source source, Passage p, Set<String> taken) {
        String yaml = CorpusWriter.sourceYaml(source, List.of(p));
        CorpusReader.Result r = CorpusReader.readSource(source.id() + ".yaml", yaml, topicIds(live), Set.of(), taken, live.passagesById());
        return r.errors().stream().map(Problem::message).toList();
    }

    /** A source file as uploaded: what it holds, and which of its passages exist already (updates). */
    record Upload(CorpusReader.Result result, Source source, List<Passage> creates, List<Passage> updates) {
        boolean ok() {
            return result.ok();
        }

        String problems() {
            return result.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        }
    }

    /**
     * Reads an uploaded source file. A file for an existing source updates its fields and its
     * live passages and adds new ones; a passage id used by another source, by a retired passage
     * or by a pending proposal is an error with its line, and so is any error: nothing partial.
     */
    static Upload upload(String fileName, String content, Corpus live, CorpusStore store, Set<String> pendingIds) {
        Set<String> topics = topicIds(live);
        // First pass: what the file says, to know its source and passage ids.
        CorpusReader.Result first = CorpusReader.readSource(fileName, content, topics, Set.of(), Set.of(), live.passagesById());
        if (!first.ok() || first.corpus().sources().isEmpty()) {
            return new Upload(first, null, List.of(), List.of());
        }
        Source source = first.corpus().sources().get(0);
        Set<String> livePassagesOfSource = live.passages().stream().filter(p -> p.sourceId().equals(source.id()))
                .map(Passage::id).collect(Collectors.toSet());
        Set<String> takenPassages = new HashSet<>(store.passageIds());
        takenPassages.removeAll(livePassagesOfSource);
        takenPassages.addAll(pendingIds);
        Set<String> takenSources = new HashSet<>(store.sourceIds());
        boolean sourceLive = live.sourcesById().containsKey(source.id());
        if (sourceLive) {
            takenSources.remove(source.id());
        }
        // Second pass: the same file against the ids it may not use, so each clash has its line.
        CorpusReader.Result r = CorpusReader.readSource(fileName, content, topics, takenSources, takenPassages, live.passagesById());
        if (!r.ok()) {
            return new Upload(r, null, List.of(), List.of());
        }
        List<Passage> creates = r.corpus().passages().stream().filter(p -> !livePassagesOfSource.contains(p.id())).toList();
        List<Passage> updates = r.corpus().passages().stream().filter(p -> livePassagesOfSource.contains(p.id())).toList();
        return new Upload(r, source, creates, updates);
    }

    static Set<String> topicIds(Corpus live) {
        return live.topics().stream().map(Topic::id).collect(Collectors.toSet());
    }
}

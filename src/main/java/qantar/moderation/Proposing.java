package qantar.moderation;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Source;
import qantar.store.CorpusJson;
import qantar.store.CorpusStore;

/**
 * Changes moderators propose: a new passage, an edit, a retirement, a whole source file. Each is
 * checked with the corpus validator now and queued for {@link Review}; nothing here touches the
 * live corpus.
 */
public final class Proposing {
    private final ProposalParts parts;

    Proposing(ProposalParts parts) {
        this.parts = parts;
    }

    /** A live source, for a front end that fills a draft from it. */
    public Optional<Source> source(String sourceId) {
        return Optional.ofNullable(sourceId == null ? null : parts.live().get().sourcesById().get(sourceId));
    }

    /** A live passage as stored now, with the digest an edit of it is made from. */
    public Optional<CorpusStore.Stored> current(String passageId) {
        return passageId == null ? Optional.empty() : parts.store().passage(passageId).filter(CorpusStore.Stored::live);
    }

    /** A new passage; its id is given here ({@code <source>-m<n>}). The speakers and topics not given take the source's defaults. */
    public Result<Proposal> propose(long actor, PassageDraft draft, String reason) {
        return parts.access().act(actor, Role.MODERATOR, "propose", draft.sourceId(), () -> create(actor, draft, Input.reason(reason, "new passage")));
    }

    /** Synchronized so that two proposals made at once never get the same new passage id. */
    private synchronized Result<Proposal> create(long actor, PassageDraft draft, String reason) {
        Corpus corpus = parts.live().get();
        Source source = corpus.sourcesById().get(draft.sourceId());
        if (source == null) {
            return Result.error("mod.no_source", "source", draft.sourceId());
        }
        List<String> topics = draft.topics() != null ? draft.topics() : usualTopic(corpus, source.id());
        if (topics.isEmpty()) {
            return Result.error("mod.need_topics");
        }
        Map<Lang, String> speakers = draft.speakers() != null ? draft.speakers() : publisher(source);
        String id = parts.proposals().nextPassageId(source.id(), parts.store().passageIds());
        Passage p = draft.withTopics(topics).withSpeakers(speakers).passage(id);
        List<String> errors = CorpusCheck.passage(corpus, source, p, taken(id));
        if (!errors.isEmpty()) {
            return Result.error("mod.invalid", "problems", String.join("\n", errors));
        }
        long pid = parts.proposals().add(Proposal.Kind.CREATE, id, source.id(), CorpusJson.passage(p), null, reason, actor);
        return Result.ok("mod.proposed", parts.proposals().find(pid).orElseThrow(), "id", pid, "passage", id);
    }

    /**
     * A changed passage, every field as it should be. {@code baseDigest} is the version the draft
     * was made from: if the passage changed since, the edit is refused rather than silently
     * undoing the other change (null: made from the passage as it is now).
     */
    public Result<Proposal> edit(long actor, String passageId, PassageDraft changed, String baseDigest, String reason) {
        return parts.access().act(actor, Role.MODERATOR, "edit", passageId, () -> {
            Optional<CorpusStore.Stored> stored = current(passageId);
            if (stored.isEmpty()) {
                return Result.error("mod.no_passage", "passage", passageId);
            }
            Passage old = stored.get().passage();
            if (!old.sourceId().equals(changed.sourceId())) {
                return Result.error("console.same_source", "passage", passageId);
            }
            if (baseDigest != null && !baseDigest.equals(stored.get().digest())) {
                return Result.error("console.stale_form", "passage", passageId);
            }
            Passage p = changed.withSpeakers(changed.speakers() == null ? PassageDraft.of(old).speakers() : changed.speakers())
                    .withTopics(changed.topics() == null ? old.topics() : changed.topics()).passage(old.id());
            if (CorpusJson.passage(p).equals(CorpusJson.passage(old))) {
                return Result.error("mod.no_change", "passage", passageId);
            }
            Corpus corpus = parts.live().get();
            Source source = corpus.sourcesById().get(p.sourceId());
            if (source == null) {
                return Result.error("mod.no_source", "source", p.sourceId());
            }
            List<String> errors = CorpusCheck.passage(corpus, source, p, taken(p.id()));
            if (!errors.isEmpty()) {
                return Result.error("mod.invalid", "problems", String.join("\n", errors));
            }
            long pid = parts.proposals().add(Proposal.Kind.UPDATE, p.id(), p.sourceId(), CorpusJson.passage(p), stored.get().digest(),
                    Input.reason(reason, "edit"), actor);
            return Result.ok("mod.proposed", parts.proposals().find(pid).orElseThrow(), "id", pid, "passage", p.id());
        });
    }

    /** Proposes to take a passage out of the live corpus (it stays in its history); a reason is required. */
    public Result<Proposal> retire(long actor, String passageId, String reason) {
        return parts.access().act(actor, Role.MODERATOR, "retire", passageId, () -> {
            if (Input.blank(passageId) || Input.blank(reason)) {
                return Result.error("mod.retire_usage");
            }
            Optional<CorpusStore.Stored> stored = current(passageId);
            if (stored.isEmpty()) {
                return Result.error("mod.no_passage", "passage", passageId);
            }
            long pid = parts.proposals().add(Proposal.Kind.RETIRE, passageId, stored.get().passage().sourceId(), null,
                    stored.get().digest(), Input.reason(reason), actor);
            return Result.ok("mod.proposed", parts.proposals().find(pid).orElseThrow(), "id", pid, "passage", passageId);
        });
    }

    /**
     * A source file in the knowledge/ format (sent as a document, or pasted in the console):
     * validated as a whole (errors with line numbers) and proposed as one batch, or nothing at all.
     */
    public Result<Proposal> upload(long actor, String fileName, String content) {
        return parts.access().act(actor, Role.MODERATOR, "upload", fileName, () -> {
            CorpusCheck.Upload u = CorpusCheck.upload(fileName, content, parts.live().get(), parts.store(), parts.proposals().pendingPassageIds());
            if (!u.ok()) {
                return Result.error("mod.invalid_file", "file", fileName, "problems", u.problems());
            }
            long pid = parts.proposals().add(Proposal.Kind.SOURCE, null, u.source().id(), content, null,
                    Input.reason("upload of " + fileName), actor);
            return Result.ok("mod.uploaded", parts.proposals().find(pid).orElseThrow(), "id", pid, "source", u.source().id(),
                    "created", u.creates().size(), "updated", u.updates().size());
        });
    }

    /** Passage ids a new or changed passage may not take: the corpus's and pending proposals', except its own. */
    private Set<String> taken(String own) {
        Set<String> taken = new HashSet<>(parts.store().passageIds());
        taken.addAll(parts.proposals().pendingPassageIds());
        taken.remove(own);
        return taken;
    }

    private static Map<Lang, String> publisher(Source source) {
        Map<Lang, String> out = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            out.put(l, source.publisher());
        }
        return out;
    }

    private static List<String> usualTopic(Corpus corpus, String sourceId) {
        Map<String, Integer> counts = new HashMap<>();
        corpus.passages().stream().filter(p -> p.sourceId().equals(sourceId))
                .forEach(p -> p.topics().forEach(t -> counts.merge(t, 1, Integer::sum)));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> List.of(e.getKey())).orElse(List.of());
    }
}

package qantar.moderation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;
import qantar.store.CorpusJson;
import qantar.store.CorpusStore;

/** What approving a proposal changes in the corpus, worked out when it is approved rather than when it was made. */
final class ProposedChanges {
    private ProposedChanges() {
    }

    /** A proposal that no longer passes the validator against the corpus as it is now. */
    static final class InvalidNow extends RuntimeException {
        InvalidNow(String message) {
            super(message);
        }
    }

    /** The corpus changes a proposal stands for, checked again against the corpus as it is now. */
    static List<CorpusStore.Change> of(Proposal p, Corpus live, CorpusStore store, Proposals proposals) {
        switch (p.kind()) {
            case CREATE:
                return List.of(new CorpusStore.Change.CreatePassage(p.passage()));
            case UPDATE:
                return List.of(new CorpusStore.Change.UpdatePassage(p.passage(), p.baseDigest()));
            case RETIRE:
                return List.of(new CorpusStore.Change.RetirePassage(p.passageId()));
            default:
                Set<String> pendingOthers = new HashSet<>();
                for (Proposal other : proposals.pending()) {
                    if (other.id() != p.id() && other.kind() == Proposal.Kind.CREATE) {
                        pendingOthers.add(other.passageId());
                    }
                }
                CorpusCheck.Upload u = CorpusCheck.upload(p.sourceId() + ".yaml", p.data(), live, store, pendingOthers);
                if (!u.ok()) {
                    throw new InvalidNow(u.problems());
                }
                List<CorpusStore.Change> out = new ArrayList<>();
                out.add(new CorpusStore.Change.PutSource(u.source()));
                u.creates().forEach(x -> out.add(new CorpusStore.Change.CreatePassage(x)));
                for (Passage x : u.updates()) {
                    Optional<CorpusStore.Stored> s = store.passage(x.id());
                    if (s.isPresent() && !CorpusJson.passage(s.get().passage()).equals(CorpusJson.passage(x))) {
                        out.add(new CorpusStore.Change.UpdatePassage(x, s.get().digest()));
                    }
                }
                return out;
        }
    }
}

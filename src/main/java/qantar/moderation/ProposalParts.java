package qantar.moderation;

import java.util.function.Supplier;
import qantar.corpus.Corpus;
import qantar.store.CorpusStore;

/** What proposing a change and reviewing it both work on: the rights, the stored and the live corpus, and the queue. */
record ProposalParts(Access access, CorpusStore store, Supplier<Corpus> live, Proposals proposals) {
}

package qantar.moderation;

import java.util.function.Supplier;
import qantar.corpus.Corpus;
import qantar.store.CorpusStore;
import qantar.store.Database;

/**
 * The moderation services, built once over one database and handed to the bot and the console,
 * which both call the same service for every rule. Each action checks the role first, answers
 * with a {@link Result} naming a text in messages.yaml, and is written to the audit log, refused
 * attempts included ({@link Access}). Nothing reaches the live corpus without a second
 * moderator's approval unless self-approval is on ({@link Review}).
 */
public record Moderation(Access access, Team team, Proposing proposing, Review review, Feedback feedback, Export export) {
    /**
     * @param selfApproval  whether a moderator may approve their own proposal (small teams); off by default
     * @param gapThreshold  retrieval coverage under which a question counts as a gap
     * @param recentDays    how far back /gaps and /stats look
     */
    public record Settings(boolean selfApproval, double gapThreshold, int recentDays) {
        public static final Settings DEFAULTS = new Settings(false, qantar.search.RetrievalSettings.DEFAULT.relevant(), 30);

        public Settings withSelfApproval(boolean allowed) {
            return new Settings(allowed, gapThreshold, recentDays);
        }
    }

    /**
     * @param live            the live corpus as the answers use it now
     * @param onCorpusChanged called after an approved change is committed (e.g. Qantar::reload)
     */
    public static Moderation of(Database db, CorpusStore store, Supplier<Corpus> live, Settings settings, Runnable onCorpusChanged) {
        Access access = new Access(db);
        Proposals proposals = new Proposals(db);
        Team team = new Team(db, access);
        ProposalParts parts = new ProposalParts(access, store, live, proposals);
        return new Moderation(access, team, new Proposing(parts), new Review(parts, settings.selfApproval(), onCorpusChanged),
                new Feedback(db, access, settings), new Export(access, store));
    }
}

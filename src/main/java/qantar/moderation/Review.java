package qantar.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import qantar.store.CorpusStore;

/**
 * The four-eyes review: the queue of pending proposals, approval by another moderator (unless
 * self-approval is on), which applies the change in one transaction and reloads the answers at
 * once, and rejection with a reason. Also the history of what was decided.
 */
public final class Review {
    /** A pending proposal as the review queue shows it; {@code diff} is filled for edits. */
    public record ReviewItem(Proposal proposal, List<String> diff) {
    }

    /** A decision, with the author to tell about it. */
    public record Decision(Proposal proposal, long author, long revision) {
        /** What the author is told, from the message texts ({@code text}: key and arguments to words), at most 3,000 characters. */
        public String notice(BiFunction<String, Object[], String> text) {
            String what = proposal.passageId() != null ? proposal.passageId() : proposal.sourceId();
            String s = "approved".equals(proposal.status())
                    ? text.apply("mod.author_approved", new Object[] {"id", proposal.id(), "what", what, "revision", revision})
                    : text.apply("mod.author_rejected", new Object[] {"id", proposal.id(), "what", what,
                            "reason", proposal.reviewReason() == null ? "" : proposal.reviewReason()});
            return s.length() > 3000 ? s.substring(0, 3000) + "…" : s;
        }
    }

    private static final int LIMIT = 20;

    private final ProposalParts parts;
    private final boolean selfApproval;
    private final Runnable onCorpusChanged;

    Review(ProposalParts parts, boolean selfApproval, Runnable onCorpusChanged) {
        this.parts = parts;
        this.selfApproval = selfApproval;
        this.onCorpusChanged = onCorpusChanged;
    }

    /** Whether a moderator may approve their own proposal (small teams). */
    public boolean selfApproval() {
        return selfApproval;
    }

    /** The pending proposals, oldest first, each edit with its diff against the live passage. */
    public Result<List<ReviewItem>> queue(long actor) {
        return parts.access().act(actor, Role.MODERATOR, "review", null, () -> {
            List<ReviewItem> items = new ArrayList<>();
            for (Proposal p : parts.proposals().pending()) {
                List<String> diff = List.of();
                if (p.kind() == Proposal.Kind.UPDATE) {
                    diff = parts.store().passage(p.passageId()).map(s -> Diff.of(s.passage(), p.passage())).orElse(List.of());
                }
                items.add(new ReviewItem(p, diff));
                if (items.size() == LIMIT) {
                    break;
                }
            }
            return Result.ok(items.isEmpty() ? "mod.queue_empty" : "mod.queue", items, "count", items.size());
        });
    }

    public Result<Proposal> proposal(long actor, String id) {
        return parts.access().act(actor, Role.MODERATOR, "show", id, () -> {
            Optional<Proposal> p = Input.id(id).flatMap(parts.proposals()::find);
            return p.isEmpty() ? Result.error("mod.no_proposal", "id", id) : Result.ok("mod.proposal", p.get(), "id", p.get().id());
        });
    }

    /** Approves a proposal: it goes live at once. Another moderator's, unless self-approval is on. */
    public Result<Decision> approve(long actor, String id) {
        return parts.access().act(actor, Role.MODERATOR, "approve", id, () -> {
            Optional<Proposal> found = Input.id(id).flatMap(parts.proposals()::find);
            if (found.isEmpty()) {
                return Result.error("mod.no_proposal", "id", id);
            }
            Proposal p = found.get();
            if (!p.pending()) {
                return Result.error("mod.already_decided", "id", p.id(), "status", p.status());
            }
            if (p.author() == actor && !selfApproval) {
                return Result.refused("mod.self_approval", "id", p.id());
            }
            List<CorpusStore.Change> changes;
            try {
                changes = ProposedChanges.of(p, parts.live().get(), parts.store(), parts.proposals());
            } catch (ProposedChanges.InvalidNow e) {
                return Result.error("mod.invalid", "problems", e.getMessage());
            }
            long revision;
            try {
                revision = parts.store().apply(changes, String.valueOf(p.author()), p.reason() + " [proposal " + p.id() + ", approved by " + actor + "]",
                        c -> {
                            if (!Proposals.decide(c, p.id(), "approved", actor, null)) {
                                throw new CorpusStore.ChangeRefused("proposal " + p.id() + " was decided meanwhile");
                            }
                        });
            } catch (CorpusStore.ChangeRefused e) {
                return Result.error("mod.cannot_apply", "id", p.id(), "why", e.getMessage());
            }
            onCorpusChanged.run();
            Proposal decided = parts.proposals().find(p.id()).orElseThrow();
            return Result.ok("mod.approved", new Decision(decided, p.author(), revision), "id", p.id(), "revision", revision);
        });
    }

    /** The proposal never goes live; its author is told why. A reason is required. */
    public Result<Decision> reject(long actor, String id, String reason) {
        return parts.access().act(actor, Role.MODERATOR, "reject", id, () -> {
            if (Input.blank(id) || Input.blank(reason)) {
                return Result.error("mod.reject_usage");
            }
            Optional<Proposal> found = Input.id(id).flatMap(parts.proposals()::find);
            if (found.isEmpty()) {
                return Result.error("mod.no_proposal", "id", id);
            }
            Proposal p = found.get();
            if (!p.pending() || !parts.proposals().decide(p.id(), "rejected", actor, Input.reason(reason))) {
                return Result.error("mod.already_decided", "id", p.id(), "status", p.status());
            }
            Proposal decided = parts.proposals().find(p.id()).orElseThrow();
            return Result.ok("mod.rejected", new Decision(decided, p.author(), parts.store().revision()), "id", p.id());
        });
    }

    /** Every revision of a passage, oldest first: when, who, what, why. */
    public Result<List<CorpusStore.Revision>> history(long actor, String passageId) {
        return parts.access().act(actor, Role.MODERATOR, "history", passageId, () -> {
            if (Input.blank(passageId)) {
                return Result.error("mod.history_usage");
            }
            List<CorpusStore.Revision> h = parts.store().history(passageId.strip());
            if (h.isEmpty()) {
                return Result.error("mod.no_passage", "passage", passageId.strip());
            }
            return Result.ok("mod.history", h, "passage", passageId.strip(), "count", h.size());
        });
    }
}

package qantar.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import qantar.corpus.Passage;
import qantar.moderation.ConsoleAccess.Session;
import qantar.moderation.Diff;
import qantar.moderation.Proposal;
import qantar.moderation.Result;
import qantar.moderation.Review;
import qantar.web.ConsoleViews.Card;
import qantar.web.ConsoleViews.FieldDiff;
import qantar.web.ConsoleViews.Flash;

/** The review queue: every pending proposal with a word diff of each changed field; approve or reject, as /review. */
record ConsoleReview(WebSources parts, Review review, ConsoleRoutes routes) {
    /** Beyond this a whole source file is shown as it is: a word diff of it would be slow and unreadable. */
    private static final int MAX_WORD_DIFF = 200_000;

    void queue(Context ctx) {
        show(ctx, null);
    }

    void approve(Context ctx) {
        Session s = routes.session(ctx);
        Result<Review.Decision> r = review.approve(s.userId(), ctx.pathParam("id"));
        decided(ctx, s, r);
    }

    void reject(Context ctx) {
        Session s = routes.session(ctx);
        String reason = ConsoleForms.oneLine(ctx.formParam("reason"));
        Result<Review.Decision> r = review.reject(s.userId(), ctx.pathParam("id"), reason);
        decided(ctx, s, r);
    }

    private void decided(Context ctx, Session s, Result<Review.Decision> r) {
        routes.outcome(ctx, r, 409).ifPresent(flash -> {
            if (r.ok()) {
                routes.access().tellAuthor(s.userId(), r.value(), parts.texts());
            }
            show(ctx, flash);
        });
    }

    private void show(Context ctx, Flash flash) {
        Session s = routes.session(ctx);
        Result<List<Review.ReviewItem>> r = review.queue(s.userId());
        if (routes.refused(ctx, r)) {
            return;
        }
        List<Card> cards = new ArrayList<>();
        for (Review.ReviewItem item : r.value()) {
            cards.add(card(item.proposal(), s));
        }
        routes.html(ctx, "console/queue.jte", new ConsoleViews.QueueView(routes.frame(ctx, "console.queue", "review"), flash, cards));
    }

    private Card card(Proposal p, Session s) {
        Passage before = p.kind() == Proposal.Kind.UPDATE || p.kind() == Proposal.Kind.RETIRE
                ? parts.corpusStore().passage(p.passageId()).map(x -> x.passage()).orElse(null) : null;
        List<FieldDiff> fields = new ArrayList<>();
        String extra = null;
        switch (p.kind()) {
            case CREATE, UPDATE -> fields = fieldDiffs(before, p.passage());
            case RETIRE -> extra = before == null ? "" : before.texts().values().iterator().next();
            case SOURCE -> {
                String live = ConsoleSources.liveYaml(parts.corpus().get(), p.sourceId());
                if (p.data().length() + (live == null ? 0 : live.length()) > MAX_WORD_DIFF) {
                    extra = p.data();
                } else {
                    fields = List.of(new FieldDiff(p.sourceId() + ".yaml", Diff.words(live, p.data())));
                }
            }
        }
        String target = p.passageId() != null ? p.passageId() : p.sourceId();
        String link = p.passageId() != null && p.kind() != Proposal.Kind.CREATE ? "/console/passages/" + p.passageId() : null;
        return new Card(p.id(), routes.text(s, "console.kind_" + p.kind().name().toLowerCase(Locale.ROOT)), target, link, p.author(),
                p.reason(), short16(p.createdAt()), p.author() == s.userId() && !review.selfApproval(), fields, extra);
    }

    static List<FieldDiff> fieldDiffs(Passage before, Passage after) {
        List<FieldDiff> out = new ArrayList<>();
        for (Diff.Field f : Diff.fields(before, after)) {
            out.add(new FieldDiff(f.name(), Diff.words(f.before(), f.after())));
        }
        return out;
    }

    static String short16(String at) {
        return at != null && at.length() >= 16 ? at.substring(0, 16).replace('T', ' ') : String.valueOf(at);
    }
}

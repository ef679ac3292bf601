package qantar.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.corpus.Topic;
import qantar.moderation.ConsoleAccess.Session;
import qantar.moderation.PassageDraft;
import qantar.moderation.Proposal;
import qantar.moderation.Proposing;
import qantar.moderation.Result;
import qantar.moderation.Review;
import qantar.store.CorpusJson;
import qantar.store.CorpusStore;
import qantar.web.ConsoleViews.Flash;
import qantar.web.ConsoleViews.Form;
import qantar.web.ConsoleViews.Option;
import qantar.web.ConsoleViews.RevisionItem;
import qantar.web.ConsoleViews.Row;

/** Browsing and searching the corpus, a passage with its history, and the forms that propose, edit and retire. */
record ConsoleCorpus(WebSources parts, Proposing proposing, Review review, ConsoleRoutes routes) {
    private static final int MAX_ROWS = 200;

    /** The live passages by side, topic, source and words of their texts, speakers or id. */
    void browse(Context ctx) {
        Session s = routes.session(ctx);
        Corpus c = parts.corpus().get();
        String side = param(ctx, "side");
        String topic = param(ctx, "topic");
        String source = param(ctx, "source");
        String q = param(ctx, "q").toLowerCase(Locale.ROOT);
        List<Row> rows = new ArrayList<>();
        int total = 0;
        for (Passage p : c.passages()) {
            if (!side.isEmpty() && !p.side().id().equals(side) || !topic.isEmpty() && !p.topics().contains(topic)
                    || !source.isEmpty() && !p.sourceId().equals(source) || !q.isEmpty() && !matches(p, q)) {
                continue;
            }
            total++;
            if (rows.size() < MAX_ROWS) {
                Lang shown = p.texts().containsKey(s.lang()) ? s.lang() : p.texts().keySet().iterator().next();
                String text = p.texts().get(shown);
                rows.add(new Row(p.id(), parts.texts().emoji(p.side()) + " " + parts.texts().label(p.side(), s.lang()), p.sourceId(),
                        p.speaker(s.lang()), String.join(", ", p.topics()), text.length() > 300 ? text.substring(0, 300) + "…" : text));
            }
        }
        List<Option> sides = new ArrayList<>();
        for (Side x : Side.values()) {
            sides.add(new Option(x.id(), parts.texts().label(x, s.lang()), x.id().equals(side)));
        }
        List<Option> topics = c.topics().stream().map(Topic::id).sorted().map(t -> new Option(t, t, t.equals(topic))).toList();
        routes.html(ctx, "console/passages.jte", new ConsoleViews.BrowseView(routes.frame(ctx, "console.corpus", "corpus"),
                param(ctx, "q"), sides, topics, sourceOptions(c, source), rows, total, c.sourcesById().containsKey(source) ? source : null));
    }

    void passage(Context ctx) {
        Session s = routes.session(ctx);
        Optional<CorpusStore.Stored> stored = parts.corpusStore().passage(ctx.pathParam("id"));
        if (stored.isEmpty()) {
            ctx.status(404);
            routes.html(ctx, "error.jte", new CorpusViews.ErrorView(routes.frame(ctx, "web.not_found", "corpus").page(), 404,
                    routes.text(s, "web.not_found")));
            return;
        }
        passagePage(ctx, stored.get()).show(formValues(stored.get()), Map.of(), List.of(), null);
    }

    /** An edit of every field, proposed for review; the validator's problems come back beside the fields. */
    void edit(Context ctx) {
        Session s = routes.session(ctx);
        Optional<CorpusStore.Stored> stored = parts.corpusStore().passage(ctx.pathParam("id"));
        if (stored.isEmpty()) {
            routes.refusal(ctx, s.lang(), "web.not_found");
            return;
        }
        Map<String, String> v = ConsoleForms.posted(ctx);
        String id = stored.get().passage().id();
        Result<Proposal> r = proposing.edit(s.userId(), id, ConsoleForms.draft(stored.get().passage().sourceId(), v), v.get("base"),
                ConsoleForms.oneLine(v.get("reason")));
        proposed(ctx, r, v, passagePage(ctx, stored.get()));
    }

    void retire(Context ctx) {
        Session s = routes.session(ctx);
        String id = ctx.pathParam("id");
        Result<Proposal> r = proposing.retire(s.userId(), id, ConsoleForms.oneLine(ctx.formParam("reason")));
        Optional<CorpusStore.Stored> stored = parts.corpusStore().passage(id);
        if (stored.isEmpty()) {
            if (!routes.refused(ctx, r)) {
                routes.refusal(ctx, s.lang(), "web.not_found");
            }
            return;
        }
        proposed(ctx, r, formValues(stored.get()), passagePage(ctx, stored.get()));
    }

    /** The empty form for a new passage; ?source= and ?ask= (from a gap) fill it in. */
    void newForm(Context ctx) {
        Session s = routes.session(ctx);
        Map<String, String> v = new LinkedHashMap<>();
        String source = param(ctx, "source");
        v.put("source", source);
        Corpus live = parts.corpus().get();
        Source src = live.sourcesById().get(source);
        if (src != null) {
            v.put("side", CorpusViews.side(src, live).id());
            Lang.fromCode(src.language()).ifPresent(l -> v.put("original", l.code()));
            for (Lang l : Lang.values()) {
                v.put("speaker." + l.code(), src.publisher());
            }
        }
        String ask = param(ctx, "ask");
        if (!ask.isEmpty()) {
            v.put("asks." + s.lang().code(), ask);
        }
        newPage(ctx).show(v, Map.of(), List.of(), null);
    }

    void propose(Context ctx) {
        Session s = routes.session(ctx);
        Map<String, String> v = ConsoleForms.posted(ctx);
        PassageDraft draft = ConsoleForms.draft(v.get("source").strip().toLowerCase(Locale.ROOT), v);
        Result<Proposal> r = proposing.propose(s.userId(), draft, ConsoleForms.oneLine(v.get("reason")));
        proposed(ctx, r, r.ok() ? Map.of() : v, newPage(ctx));
    }

    /** A form page shown again after a proposal, with the values to keep, the problems by field and the outcome. */
    private interface FormPage {
        void show(Map<String, String> values, Map<String, List<String>> errors, List<String> general, Flash flash);
    }

    /**
     * The one way a proposal's outcome comes back to its form: a 403 page when refused; else the
     * form again with the outcome, the validator's problems beside their fields, and 422 on an error.
     */
    private void proposed(Context ctx, Result<Proposal> r, Map<String, String> values, FormPage page) {
        routes.outcome(ctx, r, 422).ifPresent(flash -> {
            List<String> general = new ArrayList<>();
            Map<String, List<String>> errors = "mod.invalid".equals(r.key())
                    ? ConsoleForms.byField(ConsoleForms.problems(r.arg("problems")), general) : Map.of();
            page.show(values, errors, general, flash);
        });
    }

    private FormPage newPage(Context ctx) {
        return (v, errors, general, flash) -> routes.html(ctx, "console/new.jte",
                new ConsoleViews.FormView(routes.frame(ctx, "console.new", "new"), flash, form("/console/new", true, v, errors, general)));
    }

    private FormPage passagePage(Context ctx, CorpusStore.Stored stored) {
        return (v, errors, general, flash) -> show(ctx, stored, editForm(stored.passage().id(), v, errors, general), flash);
    }

    /** A passage's fields as its form holds them, with the version they were read from. */
    private static Map<String, String> formValues(CorpusStore.Stored stored) {
        Map<String, String> values = ConsoleForms.values(stored.passage());
        values.put("base", stored.digest());
        return values;
    }

    private void show(Context ctx, CorpusStore.Stored stored, Form form, Flash flash) {
        Session s = routes.session(ctx);
        String id = stored.passage().id();
        List<RevisionItem> history = new ArrayList<>();
        Result<List<CorpusStore.Revision>> h = review.history(s.userId(), id);
        if (h.ok()) {
            Passage previous = null;
            for (CorpusStore.Revision rev : h.value()) {
                Passage now = rev.data() == null ? null : CorpusJson.passage(rev.data());
                history.add(new RevisionItem(rev.id(), ConsoleReview.short16(rev.createdAt()), rev.author(), rev.action(), rev.reason(),
                        now == null ? List.of() : ConsoleReview.fieldDiffs(previous, now)));
                if (now != null) {
                    previous = now;
                }
            }
        }
        java.util.Collections.reverse(history);
        routes.html(ctx, "console/passage.jte", new ConsoleViews.PassageView(routes.frame(ctx, "console.passage", "corpus"), flash, id,
                stored.status(), form, history));
    }

    private Form editForm(String id, Map<String, String> v, Map<String, List<String>> errors, List<String> general) {
        return form("/console/passages/" + id, false, v, errors, general);
    }

    private Form form(String action, boolean create, Map<String, String> v, Map<String, List<String>> errors, List<String> general) {
        List<Option> sides = new ArrayList<>();
        for (Side x : Side.values()) {
            sides.add(new Option(x.id(), x.id(), x.id().equals(v.get("side"))));
        }
        List<Option> originals = new ArrayList<>();
        originals.add(new Option("", "—", v.getOrDefault("original", "").isEmpty()));
        for (Lang l : Lang.values()) {
            originals.add(new Option(l.code(), l.code(), l.code().equals(v.get("original"))));
        }
        return new Form(action, create, v, errors, general, sides, sourceOptions(parts.corpus().get(), v.getOrDefault("source", "")), originals);
    }

    private static List<Option> sourceOptions(Corpus c, String selected) {
        return c.sources().stream().sorted(Comparator.comparing(Source::id))
                .map(x -> new Option(x.id(), x.id() + " — " + x.title(), x.id().equals(selected))).toList();
    }

    private static boolean matches(Passage p, String q) {
        if (p.id().contains(q) || p.speaker().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return p.texts().values().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q))
                || p.speakers().values().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip().length() > 200 ? v.strip().substring(0, 200) : v.strip();
    }
}

package qantar.web;

import io.javalin.http.Context;
import java.util.List;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusWriter;
import qantar.corpus.Passage;
import qantar.corpus.Source;
import qantar.moderation.ConsoleAccess.Session;
import qantar.moderation.Proposing;
import qantar.moderation.Proposal;
import qantar.moderation.Result;
import qantar.web.ConsoleViews.Flash;

/**
 * A whole source file in the knowledge/ format: a new source, or a live one's fields and passages
 * at once. It goes the way of a file sent to the bot: validated as a whole, one proposal or nothing.
 */
record ConsoleSources(WebSources parts, Proposing proposing, ConsoleRoutes routes) {
    static final int MAX_FILE = 1_000_000;

    private static final String NEW_SOURCE = """
            id: NEW_ID
            title: ...
            publisher: ...
            date: "2022-01-01"
            url: https://...
            language: en
            side: independent
            passages:
              - id: NEW_ID-1
                side: independent
                speaker: {en: "...", ru: "...", kk: "..."}
                topics: [timeline]
                original: en
                text:
                  en: ...
                asks:
                  en: ["...?", "...?"]
            """;

    /** The form, holding the live file of ?id= when it names a source, else a skeleton of a new one. */
    void form(Context ctx) {
        String id = ctx.queryParam("id");
        String yaml = liveYaml(parts.corpus().get(), id == null ? "" : id.strip());
        show(ctx, yaml == null ? NEW_SOURCE : yaml, null);
    }

    void propose(Context ctx) {
        Session s = routes.session(ctx);
        String yaml = ctx.formParam("yaml") == null ? "" : ctx.formParam("yaml").replace("\r\n", "\n");
        if (yaml.length() > MAX_FILE) {
            ctx.status(413);
            show(ctx, "", new Flash(false, routes.text(s, "mod.upload_failed", "file", "console.yaml", "why", "over " + MAX_FILE + " bytes")));
            return;
        }
        Result<Proposal> r = proposing.upload(s.userId(), "console.yaml", yaml);
        routes.outcome(ctx, r, 422).ifPresent(flash -> show(ctx, yaml, flash));
    }

    private void show(Context ctx, String yaml, Flash flash) {
        routes.html(ctx, "console/source.jte", new ConsoleViews.SourceFileView(routes.frame(ctx, "console.source_file", "source"), flash, yaml));
    }

    /** A live source with its live passages, as the knowledge/ file export would write it; null if there is none. */
    static String liveYaml(Corpus live, String sourceId) {
        Source src = live.sourcesById().get(sourceId);
        if (src == null) {
            return null;
        }
        List<Passage> passages = live.passages().stream().filter(p -> p.sourceId().equals(sourceId)).toList();
        return CorpusWriter.sourceYaml(src, passages);
    }
}

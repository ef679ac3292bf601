package qantar.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.answer.Answer;
import qantar.answer.AnswerJson;
import qantar.answer.Question;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Source;
import qantar.moderation.ConsoleAccess;
import qantar.moderation.Moderation;

/**
 * The public web pages: every stored answer at a permanent address (/a/ID, and /a/ID.json as
 * {@code ask --json} prints it), a search box, the sources by side and the timeline. Pages need no
 * JavaScript; templates escape every text; a strict Content-Security-Policy allows only the site's
 * own stylesheet; questions are limited per client address; errors never show a stack trace.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final int MAX_QUESTION = 1000;

    /** Where to listen, and the address the pages advertise (QANTAR_PUBLIC_URL; else http://localhost:PORT). */
    /** {@code behindProxy}: a reverse proxy in front adds the reader's address to X-Forwarded-For, and the limits count that. */
    public record Settings(String host, int port, String publicUrl, int asksPerMinute, boolean behindProxy) {
        public Settings(String host, int port, String publicUrl, int asksPerMinute) {
            this(host, port, publicUrl, asksPerMinute, false);
        }

        public static Settings of(String port, String publicUrl, String behindProxy) {
            int p = port == null || port.isBlank() ? 8080 : Integer.parseInt(port.strip());
            String url = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
            return new Settings("0.0.0.0", p, url, 20, behindProxy != null && behindProxy.strip().equalsIgnoreCase("true"));
        }
    }

    private final WebSources parts;
    private final Settings settings;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final String stylesheet = resource("/web/style.css");
    private final AskLimit limit;
    private Javalin server;

    private WebServer(WebSources parts, Settings settings) {
        this.parts = parts;
        this.settings = settings;
        this.limit = new AskLimit(settings.asksPerMinute());
    }

    /** The pages alone (`web`): the console with moderation services of its own over the same database. */
    public static WebServer start(WebSources parts, Settings settings) {
        return start(parts, settings, java.util.List.of());
    }

    /** The pages with moderation services of their own, also taking the POSTs of {@code hooks}. */
    public static WebServer start(WebSources parts, Settings settings, java.util.List<WebhookRoute> hooks) {
        Moderation mod = Moderation.of(parts.database(), parts.corpusStore(), parts.corpus(), Moderation.Settings.DEFAULTS, parts.reload());
        return start(parts, settings, mod, ConsoleAccess.open(mod.access(), parts.database()), hooks);
    }

    /** The pages beside the bot (`serve`): the console shares the bot's moderation services and login links. */
    public static WebServer start(WebSources parts, Settings settings, Moderation mod, ConsoleAccess access) {
        return start(parts, settings, mod, access, java.util.List.of());
    }

    /** The same, also taking the POSTs of {@code hooks} (the Telegram webhook in webhook mode). */
    public static WebServer start(WebSources parts, Settings settings, Moderation mod, ConsoleAccess access, java.util.List<WebhookRoute> hooks) {
        WebServer w = new WebServer(parts, settings);
        boolean secure = settings.publicUrl() != null && settings.publicUrl().startsWith("https://");
        ConsoleRoutes console = new ConsoleRoutes(parts, mod, access, w, secure);
        w.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
                ctx.header("X-Frame-Options", "DENY");
            });
            config.routes.get("/", w::home);
            config.routes.get("/ask", w::ask);
            config.routes.get("/a/{id}", w::answer);
            config.routes.get("/sources", w::sources);
            config.routes.get("/sources/{id}", w::source);
            config.routes.get("/timeline", w::timeline);
            console.register(config);
            hooks.forEach(h -> h.register(config));
            config.routes.get("/style.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(w.stylesheet));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("web request {} failed", ctx.path(), e);
                w.error(ctx, 500, "web.error");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Not Found")) {
                    w.error(ctx, 404, "web.not_found");
                }
            });
        }).start();
        log.info("web pages on port {} ({})", w.port(), w.baseUrl());
        return w;
    }

    public int port() {
        return server.port();
    }

    /**
     * The reader's address, for the per-address limits. Behind a proxy every request comes from the
     * proxy, so the last address of X-Forwarded-For is taken: the one the proxy itself added (those
     * before it are whatever the client sent).
     */
    String client(Context ctx) {
        String forwarded = settings.behindProxy() ? ctx.header("X-Forwarded-For") : null;
        if (forwarded == null || forwarded.isBlank()) {
            return ctx.ip();
        }
        return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
    }

    /** The address pages advertise and citations use. */
    public String baseUrl() {
        return settings.publicUrl() != null ? settings.publicUrl() : "http://localhost:" + port();
    }

    private void home(Context ctx) {
        html(ctx, "home.jte", CorpusViews.home(lang(ctx), parts.texts()));
    }

    /** A question from the search box: answered (and stored) like one from Telegram, then its page. */
    private void ask(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (q.isEmpty()) {
            ctx.redirect("/?lang=" + lang(ctx).code());
            return;
        }
        if (!limit.allow(client(ctx), System.nanoTime())) {
            error(ctx, 429, "web.too_many");
            return;
        }
        String question = q.length() > MAX_QUESTION ? q.substring(0, MAX_QUESTION) : q;
        Lang asked = Lang.fromCode(Optional.ofNullable(ctx.queryParam("lang")).orElse("")).orElse(null);
        Answer a = parts.answers().answer(new Question(question, asked, java.util.Set.of()));
        ctx.redirect("/a/" + a.id());
    }

    private void answer(Context ctx) {
        String id = ctx.pathParam("id");
        boolean json = id.endsWith(".json");
        String key = json ? id.substring(0, id.length() - ".json".length()) : id;
        Optional<Answer> a = key.length() > 32 ? Optional.empty() : parts.answers().find(key);
        if (a.isEmpty()) {
            error(ctx, 404, "web.not_found");
            return;
        }
        if (json) {
            ctx.contentType("application/json; charset=utf-8").result(AnswerJson.write(a.get(), true) + "\n");
            return;
        }
        html(ctx, "answer.jte", AnswerView.of(a.get(), parts.texts(), baseUrl()));
    }

    private void sources(Context ctx) {
        html(ctx, "sources.jte", CorpusViews.sources(parts.corpus().get(), lang(ctx), parts.texts()));
    }

    private void source(Context ctx) {
        Corpus live = parts.corpus().get();
        Source s = live.sourcesById().get(ctx.pathParam("id"));
        if (s == null) {
            error(ctx, 404, "web.not_found");
            return;
        }
        html(ctx, "source.jte", CorpusViews.source(s, live, lang(ctx), parts.texts()));
    }

    private void timeline(Context ctx) {
        html(ctx, "timeline.jte", CorpusViews.timeline(parts.corpus().get(), lang(ctx), parts.texts()));
    }

    void error(Context ctx, int status, String key) {
        error(ctx, status, key, lang(ctx));
    }

    void error(Context ctx, int status, String key, Lang lang) {
        ctx.status(status);
        html(ctx, "error.jte", new CorpusViews.ErrorView(CorpusViews.page(lang, key, parts.texts()), status, parts.texts().get(key, lang)));
    }

    void html(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** The page language: ?lang=, else the browser's first of ru, kk and en, else English. */
    static Lang lang(Context ctx) {
        Optional<Lang> asked = Lang.fromCode(Optional.ofNullable(ctx.queryParam("lang")).orElse(""));
        if (asked.isPresent()) {
            return asked.get();
        }
        String accept = Optional.ofNullable(ctx.header("Accept-Language")).orElse("");
        for (String part : accept.split(",")) {
            Optional<Lang> l = Lang.fromTag(part);
            if (l.isPresent()) {
                return l.get();
            }
        }
        return Lang.EN;
    }

    private static String resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}

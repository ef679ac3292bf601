package qantar.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import qantar.corpus.Lang;
import qantar.moderation.ConsoleAccess;
import qantar.moderation.ConsoleAccess.Session;
import qantar.moderation.Moderation;
import qantar.moderation.Result;
import qantar.web.ConsoleViews.Flash;

/**
 * The moderation console under /console: entered only through a one-time link from the bot,
 * then a session cookie (HttpOnly, SameSite=Strict, Secure behind https). Every page needs a
 * moderator's session and every POST its CSRF token; everyone else gets 403 and the attempt is
 * in the audit log. The pages themselves only call the moderation services, as the bot does.
 */
final class ConsoleRoutes {
    static final String COOKIE = "qantar_console";
    private static final String SESSION = "console.session";

    private final WebSources parts;
    private final Moderation mod;
    private final ConsoleAccess access;
    private final WebServer web;
    private final boolean secure;
    private final AskLimit loginLimit = new AskLimit(20);

    ConsoleRoutes(WebSources parts, Moderation mod, ConsoleAccess access, WebServer web, boolean secure) {
        this.parts = parts;
        this.mod = mod;
        this.access = access;
        this.web = web;
        this.secure = secure;
    }

    void register(JavalinConfig config) {
        ConsoleReview review = new ConsoleReview(parts, mod.review(), this);
        ConsoleCorpus corpus = new ConsoleCorpus(parts, mod.proposing(), mod.review(), this);
        ConsoleInsights insights = new ConsoleInsights(mod.feedback(), this);
        ConsoleAdmin admin = new ConsoleAdmin(mod, this);
        ConsoleSources sources = new ConsoleSources(parts, mod.proposing(), this);
        config.routes.get("/console/login", this::login);
        config.routes.before("/console", this::guard);
        config.routes.before("/console/*", this::guard);
        config.routes.post("/console/logout", this::logout);
        config.routes.get("/console", review::queue);
        config.routes.post("/console/proposals/{id}/approve", review::approve);
        config.routes.post("/console/proposals/{id}/reject", review::reject);
        config.routes.get("/console/passages", corpus::browse);
        config.routes.get("/console/passages/{id}", corpus::passage);
        config.routes.post("/console/passages/{id}", corpus::edit);
        config.routes.post("/console/passages/{id}/retire", corpus::retire);
        config.routes.get("/console/new", corpus::newForm);
        config.routes.post("/console/new", corpus::propose);
        config.routes.get("/console/source", sources::form);
        config.routes.post("/console/source", sources::propose);
        config.routes.get("/console/reports", insights::reports);
        config.routes.post("/console/reports/{id}/resolve", insights::resolve);
        config.routes.get("/console/gaps", insights::gaps);
        config.routes.get("/console/stats", insights::stats);
        config.routes.get("/console/team", admin::team);
        config.routes.post("/console/team/grant", admin::grant);
        config.routes.post("/console/team/revoke", admin::revoke);
        config.routes.get("/console/audit", admin::audit);
        config.routes.get("/console/export.zip", admin::export);
    }

    /** The one page open without a session: a link from the bot, used once, opens one. */
    private void login(Context ctx) {
        if (!loginLimit.allow(web.client(ctx), System.nanoTime())) {
            web.error(ctx, 429, "web.too_many");
            return;
        }
        Result<ConsoleAccess.Login> r = access.login(ctx.queryParam("t"));
        if (!r.ok()) {
            refusal(ctx, WebServer.lang(ctx), r.key());
            return;
        }
        Cookie c = new Cookie(COOKIE, r.value().cookie(), "/console", -1, secure, true, null, SameSite.STRICT);
        ctx.cookie(c);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/console");
    }

    /** Every console page but the login: a moderator's open session, and on POST its CSRF token. */
    private void guard(Context ctx) {
        if (ctx.path().equals("/console/login")) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Optional<Session> s = access.session(ctx.cookie(COOKIE));
        if (s.isEmpty()) {
            access.refused(0, ctx.method() + " " + ctx.path());
            refusal(ctx, WebServer.lang(ctx), "console.sign_in");
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST") && !access.csrfOk(s.get(), ctx.formParam("csrf"), ctx.path())) {
            refusal(ctx, s.get().lang(), "console.csrf");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION, s.get());
    }

    private void logout(Context ctx) {
        Session s = session(ctx);
        access.logout(ctx.cookie(COOKIE), s.userId());
        ctx.cookie(new Cookie(COOKIE, "", "/console", 0, secure, true, null, SameSite.STRICT));
        ctx.redirect("/?lang=" + s.lang().code());
    }

    ConsoleAccess access() {
        return access;
    }

    Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** The frame of a console page for this session. */
    ConsoleViews.Frame frame(Context ctx, String titleKey, String section) {
        Session s = session(ctx);
        Page page = CorpusViews.page(s.lang(), titleKey, parts.texts());
        return new ConsoleViews.Frame(page, s.csrf(), s.admin(), s.userId(), section);
    }

    String text(Session s, Result<?> r) {
        return parts.texts().get(r.key(), s.lang(), r.args());
    }

    String text(Session s, String key, Object... nameValues) {
        return parts.texts().get(key, s.lang(), nameValues);
    }

    void html(Context ctx, String template, Object model) {
        web.html(ctx, template, model);
    }

    /** 403 in the page's language, for anyone not allowed: it says nothing about who is. */
    void refusal(Context ctx, Lang lang, String key) {
        web.error(ctx, 403, key, lang);
    }

    /**
     * The flash a form's result shows when its page comes again, with {@code failStatus} if it failed;
     * empty when it was refused, its 403 page already written.
     */
    Optional<Flash> outcome(Context ctx, Result<?> r, int failStatus) {
        if (refused(ctx, r)) {
            return Optional.empty();
        }
        if (!r.ok()) {
            ctx.status(failStatus);
        }
        return Optional.of(new Flash(r.ok(), text(session(ctx), r)));
    }

    /** A moderation result that was refused is a 403 page; an error re-shows the form with it. */
    boolean refused(Context ctx, Result<?> r) {
        if (r.status() == Result.Status.REFUSED && Result.REFUSED_KEY.equals(r.key())) {
            refusal(ctx, session(ctx).lang(), r.key());
            return true;
        }
        return false;
    }
}

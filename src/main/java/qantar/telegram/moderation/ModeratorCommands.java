package qantar.telegram.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginUser;
import qantar.moderation.Insights;
import qantar.moderation.Moderation;
import qantar.moderation.Proposal;
import qantar.moderation.Reports;
import qantar.moderation.Result;
import qantar.moderation.Role;
import qantar.telegram.render.Html;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;
import qantar.telegram.route.RoleLookup;

/**
 * The moderators' Telegram commands, over {@link Moderation}. They are registered for everyone
 * and out of the menu on purpose: the moderation service decides who may use them, answers
 * everyone else with the same plain refusal, and logs the attempt (a command the router hid would
 * leave no trace). Private chats only. Every text from users or the corpus is escaped here.
 */
public final class ModeratorCommands {

    private final Moderation mod;

    public ModeratorCommands(Moderation mod) {
        this.mod = mod;
    }

    /** Tells the bot who is a moderator or administrator. */
    public static RoleLookup roles(Moderation mod) {
        return mod::roleOf;
    }

    public void register(CommandRegistry r) {
        command(r, "grant", (req, reply) -> {
            // "/grant ID admin" makes an administrator; "/grant ID" a moderator
            boolean admin = req.args().strip().toLowerCase(java.util.Locale.ROOT).endsWith(" admin");
            Request who = admin ? req.withArgs(req.args().strip().replaceFirst("(?i)\\s+admin$", "")) : req;
            Long target = target(who);
            long id = target == null ? 0 : target;
            send(req, reply, admin ? mod.grantAdmin(req.userId(), id) : mod.grant(req.userId(), id), null);
        });
        command(r, "revoke", (req, reply) -> {
            Long target = target(req);
            send(req, reply, mod.revoke(req.userId(), target == null ? 0 : target), null);
        });
        command(r, "propose", (req, reply) -> send(req, reply, mod.propose(req.userId(), req.args()), null));
        command(r, "edit", (req, reply) -> send(req, reply, mod.edit(req.userId(), req.args()), null));
        command(r, "retire", (req, reply) -> send(req, reply, mod.retire(req.userId(), req.args()), null));
        command(r, "review", (req, reply) -> {
            Result<List<Moderation.ReviewItem>> res = mod.review(req.userId());
            List<String> lines = new ArrayList<>();
            if (res.ok()) {
                res.value().forEach(i -> lines.add(item(i)));
            }
            send(req, reply, res, lines);
        });
        command(r, "approve", (req, reply) -> {
            Result<Moderation.Decision> res = mod.approve(req.userId(), req.args());
            send(req, reply, res, null);
            tellAuthor(req, reply, res);
        });
        command(r, "reject", (req, reply) -> {
            Result<Moderation.Decision> res = mod.reject(req.userId(), req.args());
            send(req, reply, res, null);
            tellAuthor(req, reply, res);
        });
        command(r, "history", (req, reply) -> {
            var res = mod.history(req.userId(), req.args());
            send(req, reply, res, res.ok() ? Moderation.formatHistory(res.value()).stream().map(Html::esc).toList() : null);
        });
        command(r, "feedback", (req, reply) -> {
            Result<List<Reports.Report>> res = mod.feedback(req.userId());
            List<String> lines = new ArrayList<>();
            if (res.ok()) {
                res.value().forEach(x -> lines.add("<code>" + x.id() + "</code> · answer <code>" + Html.esc(x.answerId()) + "</code> · "
                        + Html.esc(x.reason()) + (x.comment() == null ? "" : " — " + Html.esc(x.comment()))));
            }
            send(req, reply, res, lines);
        });
        command(r, "resolve", (req, reply) -> send(req, reply, mod.resolve(req.userId(), req.args()), null));
        command(r, "gaps", (req, reply) -> {
            Result<List<Insights.Gap>> res = mod.gaps(req.userId(), 15);
            List<String> lines = new ArrayList<>();
            if (res.ok()) {
                res.value().forEach(g -> lines.add(g.count() + "× " + Html.esc(g.question())
                        + String.format(java.util.Locale.ROOT, " (%.2f%s)", g.bestScore(), g.outOfScope() ? ", out of scope" : "")));
            }
            send(req, reply, res, lines);
        });
        command(r, "stats", (req, reply) -> {
            Result<Insights.Stats> res = mod.stats(req.userId());
            List<String> lines = new ArrayList<>();
            if (res.ok()) {
                Insights.Stats s = res.value();
                lines.add("questions/day: " + counts(s.questionsPerDay()));
                lines.add("languages: " + counts(s.languages()));
                lines.add("sides shown: " + counts(s.sidesShown()));
                lines.add("nothing shown: " + s.nothingShown());
                lines.add("reports: " + counts(s.reports()));
            }
            send(req, reply, res, lines);
        });
    }

    /**
     * The author learns the outcome in their private chat (a user's id is that chat's id), through
     * the same outbox as every reply, so the notice survives a crash like any other message.
     */
    private static void tellAuthor(Request req, Reply reply, Result<Moderation.Decision> res) {
        if (!res.ok() || res.value().author() <= 0 || res.value().author() == req.userId()) {
            return;
        }
        long author = res.value().author();
        reply.htmlTo(author, Html.esc(Moderation.authorNotice(res.value(), (key, args) -> req.textFor(author, key, args))));
    }

    /**
     * Moderation commands work in a private chat only; tried in a group (by anyone), they get the
     * "private chat" reply and the attempt is audited.
     */
    void command(CommandRegistry r, String name, qantar.telegram.route.CommandHandler handler) {
        r.command(name, Role.CITIZEN, null, true, (req, reply) -> {
            if (req.group()) {
                mod.refuseAttempt(req.userId(), name, "in a group");
                reply.html(Html.esc(req.text("tg.private_only")));
            } else {
                handler.handle(req, reply);
            }
        });
    }

    /** A user id from the arguments, or the sender of the forwarded message this command replies to. */
    private static Long target(Request req) {
        String a = req.args().strip();
        if (a.matches("\\d{1,19}")) {
            try {
                return Long.parseLong(a);
            } catch (NumberFormatException e) {
                return 0L; // past 2^63: no Telegram user, refused as a bad id like any other (and audited)
            }
        }
        Message m = req.update() == null ? null : req.update().getMessage();
        Message replied = m == null ? null : m.getReplyToMessage();
        if (replied != null) {
            if (replied.getForwardOrigin() instanceof MessageOriginUser u && u.getSenderUser() != null) {
                return u.getSenderUser().getId();
            }
            if (replied.getForwardFrom() != null) {
                return replied.getForwardFrom().getId();
            }
        }
        return null;
    }

    /**
     * The result's text, then its lines (one block each), in as many messages as Telegram's limits
     * need: at most 4,096 characters and 100 formatting entities each (past 100 Telegram drops the
     * formatting).
     */
    static void send(Request req, Reply reply, Result<?> res, List<String> lines) {
        String text = req.text(res.key(), res.args());
        // cut before escaping, so no entity or tag is ever split
        StringBuilder head = new StringBuilder(Html.esc(text.length() > 2500 ? text.substring(0, 2500) + "…" : text));
        if (res.value() instanceof Proposal p) {
            head.append("\n<code>").append(p.id()).append("</code>");
        } else if (res.value() instanceof Moderation.Decision d) {
            head.append("\n<code>").append(d.proposal().id()).append("</code>");
        }
        List<String> blocks = new ArrayList<>();
        blocks.add(head.toString());
        if (lines != null) {
            blocks.addAll(lines);
        }
        for (String message : Html.pack(blocks, Html.MAX_MESSAGE - 10)) {
            reply.html(message);
        }
    }

    private static String item(Moderation.ReviewItem i) {
        Proposal p = i.proposal();
        StringBuilder s = new StringBuilder("<b>" + p.id() + "</b> · " + p.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " · " + Html.esc(p.passageId() != null ? p.passageId() : p.sourceId()) + " · by " + p.author() + " · " + Html.esc(p.reason()));
        if (p.kind() == Proposal.Kind.CREATE) {
            var passage = p.passage();
            s.append("\n").append(Html.esc(passage.side().id() + " · " + passage.speaker()));
            passage.texts().forEach((l, t) -> s.append("\n").append(l.code()).append(": ").append(Html.esc(t)));
        }
        i.diff().forEach(d -> s.append("\n<code>").append(Html.esc(d)).append("</code>"));
        return s.toString();
    }

    private static String counts(Map<String, Integer> m) {
        return m.isEmpty() ? "—" : String.join(", ", m.entrySet().stream().map(e -> Html.esc(e.getKey()) + " " + e.getValue()).toList());
    }

}

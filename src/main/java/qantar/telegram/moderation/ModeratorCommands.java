package qantar.telegram.moderation;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.messageorigin.MessageOriginUser;
import qantar.moderation.Insights;
import qantar.moderation.Moderation;
import qantar.moderation.Proposal;
import qantar.moderation.Reports;
import qantar.moderation.Result;
import qantar.moderation.Review;
import qantar.moderation.Role;
import qantar.store.CorpusStore;
import qantar.telegram.render.Html;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;
import qantar.telegram.route.RoleLookup;
import qantar.telegram.moderation.ChatDrafts.Parsed;

/**
 * The moderators' Telegram commands, over the {@link Moderation} services. They are registered for everyone
 * and out of the menu on purpose: the moderation service decides who may use them, answers
 * everyone else with the same plain refusal, and logs the attempt (a command the router hid would
 * leave no trace). Private chats only. The commands' text is read here into the services' typed
 * requests ({@link ChatDrafts}); every text from users or the corpus is escaped here.
 */
public final class ModeratorCommands {

    private final Moderation mod;

    public ModeratorCommands(Moderation mod) {
        this.mod = mod;
    }

    /** Tells the bot who is a moderator or administrator. */
    public static RoleLookup roles(Moderation mod) {
        return mod.access()::roleOf;
    }

    public void register(CommandRegistry r) {
        command(r, "grant", (req, reply) -> {
            // "/grant ID admin" makes an administrator; "/grant ID" a moderator
            boolean admin = req.args().strip().toLowerCase(java.util.Locale.ROOT).endsWith(" admin");
            Request who = admin ? req.withArgs(req.args().strip().replaceFirst("(?i)\\s+admin$", "")) : req;
            Long target = target(who);
            long id = target == null ? 0 : target;
            send(req, reply, admin ? mod.team().grantAdmin(req.userId(), id) : mod.team().grant(req.userId(), id), null);
        });
        command(r, "revoke", (req, reply) -> {
            Long target = target(req);
            send(req, reply, mod.team().revoke(req.userId(), target == null ? 0 : target), null);
        });
        command(r, "propose", (req, reply) -> {
            Parsed<ChatDrafts.NewPassage> p = ChatDrafts.propose(req.args(), mod.proposing()::source);
            send(req, reply, p.ok() ? mod.proposing().propose(req.userId(), p.value().draft(), p.value().reason())
                    : mod.access().unreadable(req.userId(), "propose", null, p.error(), p.args()), null);
        });
        command(r, "edit", (req, reply) -> {
            Parsed<ChatDrafts.Edit> p = ChatDrafts.edit(req.args(), mod.proposing()::current);
            send(req, reply, p.ok() ? mod.proposing().edit(req.userId(), p.value().passageId(), p.value().draft(), p.value().baseDigest(),
                    p.value().reason()) : mod.access().unreadable(req.userId(), "edit", null, p.error(), p.args()), null);
        });
        command(r, "retire", (req, reply) -> {
            String[] w = words(req.args(), 2);
            send(req, reply, mod.proposing().retire(req.userId(), word(w, 0), word(w, 1)), null);
        });
        command(r, "review", (req, reply) -> {
            Result<List<Review.ReviewItem>> res = mod.review().queue(req.userId());
            send(req, reply, res, res.ok() ? ResultLines.queue(res.value()) : null);
        });
        command(r, "approve", (req, reply) -> {
            Result<Review.Decision> res = mod.review().approve(req.userId(), req.args());
            send(req, reply, res, null);
            tellAuthor(req, reply, res);
        });
        command(r, "reject", (req, reply) -> {
            String[] w = words(req.args(), 2);
            Result<Review.Decision> res = mod.review().reject(req.userId(), word(w, 0), word(w, 1));
            send(req, reply, res, null);
            tellAuthor(req, reply, res);
        });
        command(r, "history", (req, reply) -> {
            Result<List<CorpusStore.Revision>> res = mod.review().history(req.userId(), req.args());
            send(req, reply, res, res.ok() ? ResultLines.history(res.value()) : null);
        });
        command(r, "feedback", (req, reply) -> {
            Result<List<Reports.Report>> res = mod.feedback().open(req.userId());
            send(req, reply, res, res.ok() ? ResultLines.reports(res.value()) : null);
        });
        command(r, "resolve", (req, reply) -> {
            String[] w = words(req.args(), 3);
            send(req, reply, mod.feedback().resolve(req.userId(), word(w, 0), word(w, 1), word(w, 2)), null);
        });
        command(r, "gaps", (req, reply) -> {
            Result<List<Insights.Gap>> res = mod.feedback().gaps(req.userId(), 15);
            send(req, reply, res, res.ok() ? ResultLines.gaps(res.value()) : null);
        });
        command(r, "stats", (req, reply) -> {
            Result<Insights.Stats> res = mod.feedback().stats(req.userId());
            send(req, reply, res, res.ok() ? ResultLines.stats(res.value()) : null);
        });
    }

    /**
     * The author learns the outcome in their private chat (a user's id is that chat's id), through
     * the same outbox as every reply, so the notice survives a crash like any other message.
     */
    private static void tellAuthor(Request req, Reply reply, Result<Review.Decision> res) {
        if (!res.ok() || res.value().author() <= 0 || res.value().author() == req.userId()) {
            return;
        }
        long author = res.value().author();
        reply.htmlTo(author, Html.esc(res.value().notice((key, args) -> req.textFor(author, key, args))));
    }

    /**
     * Moderation commands work in a private chat only; tried in a group (by anyone), they get the
     * "private chat" reply and the attempt is audited.
     */
    void command(CommandRegistry r, String name, qantar.telegram.route.CommandHandler handler) {
        r.command(name, Role.CITIZEN, null, true, (req, reply) -> {
            if (req.group()) {
                mod.access().refuseAttempt(req.userId(), name, "in a group");
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
        } else if (res.value() instanceof Review.Decision d) {
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

    /** A command's arguments as at most {@code limit} words, the last keeping the rest; none when blank. */
    private static String[] words(String args, int limit) {
        return args == null || args.isBlank() ? new String[0] : args.strip().split("\\s+", limit);
    }

    private static String word(String[] words, int i) {
        return i < words.length ? words[i] : null;
    }


}

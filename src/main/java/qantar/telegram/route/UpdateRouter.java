package qantar.telegram.route;

import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import qantar.telegram.api.Updates;
import qantar.telegram.render.Html;

/**
 * Decides what an update is and who handles it: commands and button prefixes through the
 * {@link CommandRegistry}, plain text as a question. In groups the bot speaks only when
 * mentioned, replied to, or called with /ask; everything else there is ignored.
 */
public final class UpdateRouter {
    private final CommandRegistry registry;
    private final Senders senders;
    private final Questions questions;
    private final String username;
    private final long botId;

    public UpdateRouter(CommandRegistry registry, Senders senders, Questions questions, String username, long botId) {
        this.registry = registry;
        this.senders = senders;
        this.questions = questions;
        this.username = username;
        this.botId = botId;
    }

    public Reply route(Update u) {
        if (u.hasMessage()) {
            return message(u, u.getMessage());
        }
        if (u.hasCallbackQuery()) {
            return callback(u, u.getCallbackQuery());
        }
        if (u.hasInlineQuery()) {
            Request req = senders.request(u, u.getInlineQuery().getFrom(), null, false, u.getInlineQuery().getQuery(), null);
            Reply reply = new Reply(null, null, null);
            questions.inline(req, u.getInlineQuery().getId(), u.getInlineQuery().getQuery(), reply);
            return reply;
        }
        return new Reply(null, null, null); // kinds we did not ask for: nothing to do
    }

    /** The polite reply when handling failed, so the user is not left waiting. */
    public Reply failure(Update u) {
        String sorry = senders.text(Updates.from(u), "tg.error");
        if (u.hasMessage() && u.getMessage().isUserMessage()) {
            return new Reply(u.getMessage().getChatId(), null, null).html(Html.esc(sorry));
        }
        if (u.hasCallbackQuery()) {
            return new Reply(null, null, u.getCallbackQuery().getId()).answerCallback(sorry);
        }
        return new Reply(null, null, null);
    }

    private Reply message(Update u, Message m) {
        User from = m.getFrom();
        String type = m.getChat().getType();
        boolean group = "group".equals(type) || "supergroup".equals(type);
        if (from == null || from.getIsBot() || !(group || "private".equals(type))) {
            return new Reply(null, null, null); // channels, other bots, anonymous admins: not ours to answer
        }
        String text = m.getText();
        Reply reply = new Reply(m.getChatId(), group ? m.getMessageId() : null, null);
        if (text == null) {
            if (!group) {
                Request req = senders.request(u, from, m.getChatId(), false, "", m.getMessageId());
                Optional<DocumentHandler> docs = m.hasDocument() ? registry.document(req.role()) : Optional.empty();
                if (docs.isPresent()) {
                    docs.get().handle(req, m.getDocument(), reply);
                    return reply;
                }
                reply.html(Html.esc(req.text(m.hasSticker() || m.hasPhoto() || m.hasVoice() || m.hasAudio() || m.hasVideo()
                        || m.hasDocument() || m.hasVideoNote() || m.hasAnimation() || m.hasLocation() || m.hasContact() ? "tg.not_text" : "tg.empty")));
            }
            return reply;
        }
        if (text.startsWith("/")) {
            return command(u, m, from, group, text, reply);
        }
        if (!group) {
            questions.ask(senders.request(u, from, m.getChatId(), false, text, m.getMessageId()), text, reply);
            return reply;
        }
        boolean repliedToUs = m.getReplyToMessage() != null && m.getReplyToMessage().getFrom() != null
                && m.getReplyToMessage().getFrom().getId() == botId;
        // the bot's @name as a whole word: @QantarBotFake is someone else
        java.util.regex.Pattern mention = java.util.regex.Pattern.compile(
                "(?iu)(?<![\\p{L}\\p{N}_])@" + java.util.regex.Pattern.quote(username) + "(?![\\p{L}\\p{N}_])");
        boolean mentioned = mention.matcher(text).find();
        if (mentioned || repliedToUs) {
            String question = mentioned ? mention.matcher(text).replaceAll(" ").strip() : text;
            questions.ask(senders.request(u, from, m.getChatId(), true, question, m.getMessageId()), question, reply);
        }
        return reply;
    }

    private Reply command(Update u, Message m, User from, boolean group, String text, Reply reply) {
        String head = text.split("\\s", 2)[0].substring(1);
        String args = text.length() > head.length() + 1 ? text.substring(head.length() + 1).strip() : "";
        String name = head;
        int at = head.indexOf('@');
        boolean addressed = !group;
        if (at >= 0) {
            if (!head.substring(at + 1).equalsIgnoreCase(username)) {
                return reply; // a command for another bot
            }
            name = head.substring(0, at);
            addressed = true;
        }
        name = name.toLowerCase(Locale.ROOT);
        Request req = senders.request(u, from, m.getChatId(), group, args, m.getMessageId());
        Optional<CommandRegistry.Command> c = registry.command(name).filter(x -> req.role().atLeast(x.role()));
        if (c.isEmpty()) {
            if (addressed) {
                reply.html(Html.esc(req.text("tg.unknown_command")));
            }
            return reply;
        }
        if (group && !c.get().groups()) {
            reply.html(Html.esc(req.text("tg.private_only")) + " " + Html.link("https://t.me/" + username, "@" + username));
            return reply;
        }
        c.get().handler().handle(req, reply);
        return reply;
    }

    private Reply callback(Update u, CallbackQuery q) {
        Long chatId = q.getMessage() == null ? null : q.getMessage().getChatId();
        // a message older than 48 h comes as "inaccessible" (date 0): it cannot be edited, so replies are sent anew
        Integer messageId = q.getMessage() == null || q.getMessage().getDate() == null || q.getMessage().getDate() == 0 ? null
                : q.getMessage().getMessageId();
        boolean group = q.getMessage() != null && q.getMessage().getChat() != null
                && ("group".equals(q.getMessage().getChat().getType()) || "supergroup".equals(q.getMessage().getChat().getType()));
        Reply reply = new Reply(chatId, null, q.getId());
        String data = q.getData() == null ? "" : q.getData();
        int colon = data.indexOf(':');
        String prefix = colon < 0 ? data : data.substring(0, colon);
        String args = colon < 0 ? "" : data.substring(colon + 1);
        Request req = senders.request(u, q.getFrom(), chatId, group, args, messageId);
        Optional<CommandRegistry.Callback> cb = registry.callback(prefix).filter(x -> req.role().atLeast(x.role()));
        if (cb.isEmpty() || (chatId == null && !prefix.equals("lang"))) {
            reply.answerCallback(req.text("tg.button_outdated"));
        } else {
            cb.get().handler().handle(req, args, reply);
        }
        reply.answerCallback(null); // every press is answered, even when the handler forgot
        return reply;
    }
}

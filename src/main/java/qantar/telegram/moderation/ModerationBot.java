package qantar.telegram.moderation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.Document;
import qantar.config.Texts;
import qantar.moderation.ConsoleAccess;
import qantar.moderation.Moderation;
import qantar.moderation.Proposal;
import qantar.moderation.Result;
import qantar.moderation.Role;
import qantar.telegram.BotSources;
import qantar.telegram.TelegramBot;
import qantar.telegram.api.BotFiles;
import qantar.telegram.render.Html;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/**
 * The bot with moderation wired in, as `serve` runs it and as tests build it: roles from the
 * moderation tables (QANTAR_ADMINS taken at the first start that names any), the moderators'
 * commands, citizens' 👎 reports into the moderation queue, source files sent as documents, and
 * /export as a zip document.
 */
public final class ModerationBot {
    /** Uploaded source files are small YAML; anything bigger is refused before downloading. */
    static final long MAX_UPLOAD_BYTES = 1_000_000;

    public record Wired(TelegramBot bot, Moderation moderation, ConsoleAccess console) {
    }

    private ModerationBot() {
    }

    /**
     * Builds the bot (not started) on what it uses of the application, with moderation wired in;
     * {@code admins} as parsed from QANTAR_ADMINS.
     */
    public static Wired create(BotSources sources, Moderation mod, TelegramBot.Settings settings, List<Long> admins) {
        mod.team().bootstrapAdmins(admins);
        TelegramBot bot = new TelegramBot(sources, settings.withRoles(ModeratorCommands.roles(mod)));
        ModeratorCommands commands = new ModeratorCommands(mod);
        commands.register(bot.commands());
        bot.reportsTo((userId, answerId, reason) -> mod.feedback().report(userId, answerId, reason, null));
        BotFiles files = bot.files();
        bot.commands().document(Role.CITIZEN, (req, doc, reply) -> upload(mod, files, req, doc, reply));
        commands.command(bot.commands(), "export", (req, reply) -> export(mod, files, req, reply));
        ConsoleAccess console = ConsoleAccess.open(mod.access(), sources.database());
        console.tellUsersWith((user, text) -> bot.tell(user, lang -> Html.esc(text.apply(lang))));
        ConsoleCommand.register(commands, bot.commands(), console);
        return new Wired(bot, mod, console);
    }

    /**
     * Tells every administrator that knowledge/ could not be imported at start (the bot answers from
     * the last good corpus meanwhile), with the first problems and their files and lines.
     */
    public static void tellAboutCorpusProblems(Wired wired, List<String> problems, Texts texts, long revision) {
        if (problems.isEmpty()) {
            return;
        }
        String list = String.join("\n", problems.stream().limit(10).map(p -> "<code>" + Html.esc(p) + "</code>").toList())
                + (problems.size() > 10 ? "\n…" : "");
        for (long admin : wired.moderation().team().administrators()) {
            wired.bot().tell(admin, lang -> Html.esc(texts.get("mod.corpus_problems", lang, "count", problems.size(), "revision", revision))
                    + "\n" + list);
        }
    }

    /** A source file in the knowledge/ format: validated as a whole, one proposal or nothing. */
    private static void upload(Moderation mod, BotFiles files, Request req, Document doc, Reply reply) {
        String name = doc.getFileName() == null ? "upload.yaml" : doc.getFileName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!mod.access().isModerator(req.userId())) {
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                mod.access().refuseAttempt(req.userId(), "upload", "a source file from a citizen"); // audited; the citizen gets the usual reply
            }
            reply.html(Html.esc(req.text("tg.not_text")));
            return;
        }
        if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            reply.html(Html.esc(req.text("mod.upload_not_yaml", "file", name)));
            return;
        }
        if (doc.getFileSize() != null && doc.getFileSize() > MAX_UPLOAD_BYTES) {
            reply.html(Html.esc(req.text("mod.upload_failed", "file", name, "why", "over " + MAX_UPLOAD_BYTES + " bytes")));
            return;
        }
        String content;
        try {
            byte[] bytes = files.download(doc.getFileId(), MAX_UPLOAD_BYTES);
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (BotFiles.Failure e) {
            reply.html(Html.esc(req.text("mod.upload_failed", "file", name, "why", e.getMessage())));
            return;
        } catch (CharacterCodingException e) {
            reply.html(Html.esc(req.text("mod.upload_failed", "file", name, "why", "not UTF-8 text")));
            return;
        }
        Result<Proposal> res = mod.proposing().upload(req.userId(), name, content);
        ModeratorCommands.send(req, reply, res, null);
    }

    /** The live corpus in the knowledge/ format as one zip, sent as a document. Administrators only. */
    private static void export(Moderation mod, BotFiles files, Request req, Reply reply) {
        Result<byte[]> res = mod.export().zip(req.userId());
        if (!res.ok()) {
            ModeratorCommands.send(req, reply, res, null);
            return;
        }
        try {
            files.sendDocument(req.chatId(), "qantar-knowledge.zip", res.value(),
                    Html.esc(req.text(res.key(), res.args())));
        } catch (BotFiles.Failure e) {
            reply.html(Html.esc(req.text("mod.export_failed", "why", e.getMessage())));
        }
    }
}

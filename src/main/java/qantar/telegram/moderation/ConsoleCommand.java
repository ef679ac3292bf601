package qantar.telegram.moderation;

import qantar.config.Locations;
import qantar.moderation.ConsoleAccess;
import qantar.moderation.Result;
import qantar.moderation.Role;
import qantar.telegram.render.Html;
import qantar.telegram.route.CommandRegistry;

/**
 * /console: a moderator gets a one-time link into the web console (valid 10 minutes, works once);
 * anyone else the usual refusal. Private chats only, like every moderator command, so the link
 * is never posted where others read it.
 */
final class ConsoleCommand {
    private ConsoleCommand() {
    }

    static void register(ModeratorCommands commands, CommandRegistry r, ConsoleAccess access) {
        commands.command(r, "console", (req, reply) -> {
            Result<String> res = access.link(req.userId(), req.lang());
            if (!res.ok()) {
                ModeratorCommands.send(req, reply, res, null);
                return;
            }
            String url = siteUrl() + "/console/login?t=" + res.value();
            reply.html(Html.esc(req.text(res.key(), res.args())) + "\n" + Html.esc(url));
        });
    }

    /** The web pages' address, as the web server advertises it: QANTAR_PUBLIC_URL, else localhost on QANTAR_WEB_PORT. */
    static String siteUrl() {
        String site = Locations.setting("QANTAR_PUBLIC_URL");
        if (site != null && !site.isBlank()) {
            return site.strip().replaceAll("/+$", "");
        }
        String port = Locations.setting("QANTAR_WEB_PORT");
        return "http://localhost:" + (port == null || port.isBlank() ? "8080" : port.strip());
    }
}

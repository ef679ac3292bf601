package qantar.telegram.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import qantar.moderation.Role;

/**
 * The bot's commands and button prefixes. Other features (moderation) add theirs here from
 * outside the package; the router never needs editing. A command carries the least role that may
 * use it; {@code menuKey} names its description in messages.yaml when it belongs in Telegram's
 * command menu (null keeps it out of the menu).
 */
public final class CommandRegistry {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

    public record Command(String name, Role role, String menuKey, boolean groups, CommandHandler handler) {
    }

    public record Callback(String prefix, Role role, CallbackHandler handler) {
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, Callback> callbacks = new LinkedHashMap<>();
    private Role documentRole;
    private DocumentHandler documents;

    /** Registers /name for everyone in private chats and groups (replaces an earlier one of that name). */
    public synchronized CommandRegistry command(String name, String menuKey, CommandHandler handler) {
        return command(name, Role.CITIZEN, menuKey, true, handler);
    }

    public synchronized CommandRegistry command(String name, Role role, String menuKey, boolean groups, CommandHandler handler) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a Telegram command is 1-32 of a-z, 0-9, _: " + name);
        }
        commands.put(name, new Command(name, role, menuKey, groups, handler));
        return this;
    }

    /** Registers a handler for callback data "prefix:..."; the prefix is short ASCII, without ':'. */
    public synchronized CommandRegistry callback(String prefix, Role role, CallbackHandler handler) {
        if (!prefix.matches("[a-z0-9_]{1,12}")) {
            throw new IllegalArgumentException("callback prefix must be 1-12 of a-z, 0-9, _: " + prefix);
        }
        callbacks.put(prefix, new Callback(prefix, role, handler));
        return this;
    }

    /** Handles documents in private chats from users with at least this role; others get the "not text" reply. */
    public synchronized CommandRegistry document(Role role, DocumentHandler handler) {
        documentRole = role;
        documents = handler;
        return this;
    }

    synchronized Optional<DocumentHandler> document(Role userRole) {
        return documents != null && userRole.atLeast(documentRole) ? Optional.of(documents) : Optional.empty();
    }

    synchronized Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    synchronized Optional<Callback> callback(String prefix) {
        return Optional.ofNullable(callbacks.get(prefix));
    }

    /** Commands shown in Telegram's menu for citizens, in registration order. */
    public synchronized List<Command> menu() {
        return commands.values().stream().filter(c -> c.menuKey() != null && c.role() == Role.CITIZEN).toList();
    }
}

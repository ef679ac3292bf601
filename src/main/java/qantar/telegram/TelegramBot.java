package qantar.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.User;
import qantar.corpus.Lang;
import qantar.telegram.api.BotStartException;
import qantar.telegram.api.Webhook;
import qantar.telegram.api.Backoff;
import qantar.telegram.api.BotFiles;
import qantar.telegram.api.Counters;
import qantar.telegram.api.Lanes;
import qantar.telegram.api.Poller;
import qantar.telegram.api.SendLimits;
import qantar.telegram.citizen.ReportSink;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Reply;
import qantar.telegram.route.RoleLookup;
import qantar.telegram.route.Senders;
import qantar.telegram.route.UpdateRouter;

/**
 * The Telegram bot: long polling in, a bounded pool of workers, SQLite inbox and outbox, a send
 * queue within Telegram's limits.
 *
 * <p>Nothing lost across crashes and faults: the {@link Poller} stores every update as received
 * before getUpdates confirms it; an update's replies enter the outbox in the same transaction that
 * marks it handled; the outbox is delivered and each call marked sent after the Bot API accepted
 * it. After a kill, unhandled updates are handled and unsent calls delivered. Doubles: a call in
 * flight at a crash, or without an answer within the send timeout, is sent once more, marked 🔁
 * (at most one per chat, and one per sending thread, per crash).
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query");
    /** Handled updates and finished outbox rows are deleted after this many days (their texts are gone at once). */
    static final int KEEP_DAYS = 2;

    /**
     * How the bot runs. {@code pollSeconds} is the getUpdates long-poll timeout; a send without an
     * answer after {@code sendTimeoutSeconds} is tried again, marked as a possible repeat.
     */
    public record Settings(String token, String apiUrl, SendLimits limits, int pollSeconds, int workers, int senders,
                           int questionsPerMinute, RoleLookup roles, int sendTimeoutSeconds) {
        public static Settings of(String token, String apiUrl) {
            return new Settings(token, apiUrl, SendLimits.TELEGRAM, 25, 4, 4, 10, RoleLookup.EVERYONE_CITIZEN, 15);
        }

        public Settings withLimits(SendLimits l) {
            return new Settings(token, apiUrl, l, pollSeconds, workers, senders, questionsPerMinute, roles, sendTimeoutSeconds);
        }

        public Settings withQuestionsPerMinute(int n) {
            return new Settings(token, apiUrl, limits, pollSeconds, workers, senders, n, roles, sendTimeoutSeconds);
        }

        public Settings withPollSeconds(int s) {
            return new Settings(token, apiUrl, limits, s, workers, senders, questionsPerMinute, roles, sendTimeoutSeconds);
        }

        public Settings withRoles(RoleLookup r) {
            return new Settings(token, apiUrl, limits, pollSeconds, workers, senders, questionsPerMinute, r, sendTimeoutSeconds);
        }

        public Settings withSendTimeoutSeconds(int s) {
            return new Settings(token, apiUrl, limits, pollSeconds, workers, senders, questionsPerMinute, roles, s);
        }
    }

    private final BotSources app;
    private final Settings settings;
    private final AtomicReference<String> username = new AtomicReference<>("bot");
    private final BotWiring parts;
    private Webhook webhook;
    /** How to stop what {@link #start} began, the last begun first. */
    private final Deque<Runnable> stops = new ArrayDeque<>();
    private volatile boolean running;

    public TelegramBot(BotSources app, Settings settings) {
        if (settings.token() == null || settings.token().isBlank()) {
            throw new BotStartException("TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather");
        }
        this.app = app;
        this.settings = settings;
        this.parts = new BotWiring(app, settings, username::get);
    }

    /** Where other features add their commands and buttons (before or after start). */
    public CommandRegistry commands() {
        return parts.registry;
    }

    /** Downloads users' documents and sends documents (for moderation's uploads and export). */
    public BotFiles files() {
        return parts.files;
    }

    /** Sends citizens' 👎 reports there (the moderation queue) besides counting the vote. */
    public TelegramBot reportsTo(ReportSink sink) {
        parts.citizens.reportsTo(sink);
        return this;
    }

    public Counters counters() {
        return parts.counters;
    }

    public String username() {
        return username.get();
    }

    /** Webhook mode: updates come to {@code url} (served on the web server) instead of long polling. Before {@link #start}. */
    public synchronized Webhook useWebhook(String url) {
        webhook = new Webhook(url, parts.store, qantar.store.SecretKey.of(app.database()));
        return webhook;
    }

    /** Checks the token (getMe), sets the command menu, resumes what a crash left, and starts polling (or sets the webhook). */
    public synchronized TelegramBot start() {
        Handshake handshake = new Handshake(parts);
        User me = handshake.getMe();
        username.set(me.getUserName() == null ? "bot" : me.getUserName());
        UpdateRouter router = new UpdateRouter(parts.registry, new Senders(settings.roles(), parts.languages, app.texts()),
                parts.citizens.questions(), username.get(), me.getId());
        handshake.setCommands(app.texts());
        if (webhook == null) {
            handshake.deleteWebhook();
        }
        parts.queue.start(settings.senders());
        Lanes lanes = new Lanes(settings.workers(), 256);
        stops.push(() -> lanes.stop(5000));
        running = true;
        UpdateFlow updates = new UpdateFlow(parts, router, lanes, () -> running);
        var pending = parts.store.pendingUpdates();
        if (!pending.isEmpty()) {
            log.info("resuming {} update(s) received before the last stop", pending.size());
        }
        pending.forEach(updates::dispatch);
        ScheduledExecutorService statsThread = Executors.newSingleThreadScheduledExecutor(BotWiring.daemon("tg-stats"));
        stops.push(statsThread::shutdownNow);
        statsThread.scheduleAtFixedRate(() -> log.info("counters {}", parts.counters), 60, 60, TimeUnit.SECONDS);
        statsThread.scheduleWithFixedDelay(this::prune, 0, 1, TimeUnit.HOURS);
        if (webhook != null) {
            webhook.open(updates::dispatch);
            stops.push(webhook::close);
            webhook.register(parts.transport, ALLOWED_UPDATES, Handshake.START_RETRY_MILLIS);
            log.info("bot @{} takes updates at {} (corpus revision {})", username.get(), webhook.path(), app.revision().get());
            return this;
        }
        Poller poller = new Poller(parts.longPoll(), parts.describeUrl() + "/bot" + settings.token(), settings.pollSeconds(), ALLOWED_UPDATES, parts.store,
                updates::dispatch, parts::redact);
        stops.push(poller::stop);
        poller.start(parts.store.lastUpdateId());
        log.info("bot @{} is polling {} (corpus revision {})", username.get(), parts.describeUrl(), app.revision().get());
        return this;
    }

    private void prune() {
        try {
            int n = parts.store.prune(KEEP_DAYS);
            if (n > 0) {
                log.info("deleted {} delivered row(s) older than {} days", n, KEEP_DAYS);
            }
        } catch (RuntimeException e) {
            log.warn("pruning delivered rows failed (tried again in an hour): {}", e.toString());
        }
    }

    /**
     * Queues a message to a user outside any update (a notice to an administrator), in the language
     * they chose (else English), delivered through the outbox like every reply; before {@link #start}
     * it waits in the outbox for the start.
     */
    public synchronized void tell(long userId, Function<Lang, String> html) {
        Reply r = new Reply(userId, null, null).html(html.apply(parts.languages.chosen(userId).orElse(Lang.EN)));
        var queued = Backoff.store(() -> parts.store.commit(null, List.of(), r.calls()), () -> true, log, "queuing a notice");
        if (running) {
            parts.queue.addAll(queued); // before the start, the queue reads it from the outbox
        }
    }

    /** Calls waiting in the outbox (for tests and shutdown). */
    int outboxPending() {
        return parts.queue.pending();
    }

    /**
     * Stops polling, lets the answers being composed finish and their messages go out (a few
     * seconds at most), and leaves the rest stored for the next start.
     */
    @Override
    public synchronized void close() {
        boolean wasRunning = running;
        running = false;
        while (!stops.isEmpty()) {
            stops.pop().run();
        }
        parts.queue.stop(wasRunning ? 2000 : 0);
        parts.closeHttp();
        if (wasRunning) {
            log.info("bot stopped; counters {}", parts.counters);
        }
    }
}

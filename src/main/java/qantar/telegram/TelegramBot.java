package qantar.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import qantar.app.Qantar;
import qantar.corpus.Lang;

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
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long start-up keeps retrying an unreachable Bot API before it gives up. */
    static final long START_RETRY_MILLIS = 120_000;
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

    private final Qantar app;
    private final Settings settings;
    private final TelegramUrl url;
    private final TelegramStore store;
    private final Counters counters = new Counters();
    private final CommandRegistry registry = new CommandRegistry();
    private final Languages languages;
    private final AtomicReference<String> username = new AtomicReference<>("bot");
    private final ThreadPoolExecutor httpThreads;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final Transport transport;
    private final SendQueue queue;
    private final AnswerFlow flow;
    private final BotFiles files;
    private ScheduledExecutorService statsThread;
    private Poller poller;
    private Webhook webhook;
    private UpdateRouter router;
    private Lanes lanes;
    private volatile boolean running;

    public TelegramBot(Qantar app, Settings settings) {
        if (settings.token() == null || settings.token().isBlank()) {
            throw new BotStartException("TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather");
        }
        this.app = app;
        this.settings = settings;
        this.url = ApiUrl.parse(settings.apiUrl());
        this.store = new TelegramStore(app.database());
        this.languages = new Languages(store);
        this.httpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("tg-http"));
        this.http = new OkHttpClient.Builder().dispatcher(new Dispatcher(httpThreads))
                .connectTimeout(10, TimeUnit.SECONDS).writeTimeout(20, TimeUnit.SECONDS)
                // OkHttp would otherwise resend a POST whose connection failed, maybe after Telegram took it:
                // an unmarked double. The send queue retries instead, marking what may have arrived.
                .retryOnConnectionFailure(false)
                .readTimeout(settings.sendTimeoutSeconds(), TimeUnit.SECONDS).build();
        this.client = new OkHttpTelegramClient(http, settings.token(), url);
        this.transport = new BotApiTransport(client);
        this.files = new BotFiles(client, http, url, settings.token());
        this.queue = new SendQueue(transport, store, settings.limits(), counters);
        FloodGuard flood = new FloodGuard(settings.questionsPerMinute());
        AnswerForms forms = new AnswerForms(store);
        this.flow = new AnswerFlow(app.answers(), app.texts(), flood, counters, this::typing, username::get, forms, store);
        flow.register(registry);
        new CoreCommands(app.texts(), flow, languages, forms, app::corpus, app::revision, registry).register(registry);
        new CorpusBrowser(app.texts(), app::corpus).register(registry);
    }

    /** Where other features add their commands and buttons (before or after start). */
    public CommandRegistry commands() {
        return registry;
    }

    /** Downloads users' documents and sends documents (for moderation's uploads and export). */
    public BotFiles files() {
        return files;
    }

    /** Sends citizens' 👎 reports there (the moderation queue) besides counting the vote. */
    public TelegramBot reportsTo(ReportSink sink) {
        flow.reportsTo(sink);
        return this;
    }

    public Counters counters() {
        return counters;
    }

    public String username() {
        return username.get();
    }

    /** Webhook mode: updates come to {@code url} (served on the web server) instead of long polling. Before {@link #start}. */
    public synchronized Webhook useWebhook(String url) {
        webhook = new Webhook(url, store, qantar.store.SecretKey.of(app.database()));
        return webhook;
    }

    /** Checks the token (getMe), sets the command menu, resumes what a crash left, and starts polling (or sets the webhook). */
    public synchronized TelegramBot start() {
        User me = getMe();
        username.set(me.getUserName() == null ? "bot" : me.getUserName());
        router = new UpdateRouter(registry, settings.roles(), languages, app.texts(), flow, username.get(), me.getId());
        setCommands();
        if (webhook == null && !(transport.call("deletewebhook", "{}") instanceof Transport.Accepted)) {
            log.warn("deleteWebhook failed; getUpdates will say so if a webhook is still set");
        }
        queue.start(settings.senders());
        lanes = new Lanes(settings.workers(), 256);
        running = true;
        var pending = store.pendingUpdates();
        if (!pending.isEmpty()) {
            log.info("resuming {} update(s) received before the last stop", pending.size());
        }
        pending.forEach(this::dispatch);
        statsThread = Executors.newSingleThreadScheduledExecutor(daemon("tg-stats"));
        statsThread.scheduleAtFixedRate(() -> log.info("counters {}", counters), 60, 60, TimeUnit.SECONDS);
        statsThread.scheduleWithFixedDelay(this::prune, 0, 1, TimeUnit.HOURS);
        if (webhook != null) {
            webhook.open(this::dispatch);
            webhook.register(transport, ALLOWED_UPDATES, START_RETRY_MILLIS);
            log.info("bot @{} takes updates at {} (corpus revision {})", username.get(), webhook.path(), app.revision());
            return this;
        }
        OkHttpClient longPoll = http.newBuilder().readTimeout(settings.pollSeconds() + 15L, TimeUnit.SECONDS).build();
        poller = new Poller(longPoll, describe(url) + "/bot" + settings.token(), settings.pollSeconds(), ALLOWED_UPDATES, store,
                this::dispatch, this::redact);
        poller.start(store.lastUpdateId());
        log.info("bot @{} is polling {} (corpus revision {})", username.get(), describe(url), app.revision());
        return this;
    }

    /**
     * getMe, retried while the Bot API is unreachable or failing (up to {@link #START_RETRY_MILLIS});
     * a refused token fails at once.
     */
    private User getMe() {
        Backoff backoff = new Backoff(1000, 15_000);
        long deadline = System.currentTimeMillis() + START_RETRY_MILLIS;
        while (true) {
            String failure;
            try {
                return client.execute(new GetMe());
            } catch (TelegramApiRequestException e) {
                if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                    throw new BotStartException("the Bot API at " + describe(url) + " rejected TELEGRAM_BOT_TOKEN ("
                            + e.getErrorCode() + "); check the token from @BotFather");
                }
                failure = "the Bot API at " + describe(url) + " refused getMe: " + redact(e.getMessage());
            } catch (TelegramApiException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = "cannot reach the Bot API at " + describe(url) + ": " + redact(cause.toString());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new BotStartException(failure);
            }
            if (backoff.failures() == 0) {
                log.warn("{}; retrying for up to {} s", failure, START_RETRY_MILLIS / 1000);
            }
            if (!Backoff.sleep(backoff.next())) {
                throw new BotStartException(failure);
            }
        }
    }

    /** The command menu in each interface language, and in English for everyone else. */
    private void setCommands() {
        List<String> codes = new ArrayList<>(List.of("ru", "kk", "en", ""));
        for (String code : codes) {
            Lang lang = code.isEmpty() ? Lang.EN : Lang.fromCode(code).orElseThrow();
            List<BotCommand> menu = registry.menu().stream()
                    .map(c -> new BotCommand(c.name(), Html.cut(app.texts().get(c.menuKey(), lang), 256))).toList();
            SetMyCommands.SetMyCommandsBuilder<?, ?> b = SetMyCommands.builder().commands(menu);
            if (!code.isEmpty()) {
                b.languageCode(code);
            }
            try {
                client.execute(b.build());
            } catch (TelegramApiException e) {
                log.warn("setMyCommands ({}) failed: {}", code.isEmpty() ? "default" : code, redact(e.getMessage()));
            }
        }
    }

    /**
     * Hands a stored update to its chat's lane. One that cannot be read as an update (a string for a
     * number, an id past 2^63, a text given as an object) stays stored as received, is logged once
     * and acknowledged as handled, and stops nothing else.
     */
    private void dispatch(long id, String json) {
        Update u;
        long key;
        try {
            u = JSON.readValue(json, Update.class);
            key = Updates.orderKey(u);
        } catch (Exception e) {
            counters.error();
            log.warn("update {} cannot be understood ({}); acknowledged without an answer", id, e.getClass().getSimpleName());
            Backoff.store(() -> store.commit(id, List.of(), List.of()), () -> running, log, "acknowledging update " + id);
            return;
        }
        try {
            lanes.submit(key, () -> handle(u));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: it stays unhandled in the store for the next start
        }
    }

    /**
     * Handles one update and commits its replies with its "handled" mark; a failure still answers
     * politely. A database error while answering is retried (the answer is composed again), and the
     * commit is retried until it lands or the bot stops (then the update is handled after restart).
     */
    private void handle(Update u) {
        long id = u.getUpdateId();
        Reply reply = Backoff.store(() -> store.handled(id) ? null : route(u), () -> running, log, "answering update " + id);
        if (reply == null) {
            return;
        }
        if (reply.hasCallback() && !reply.callbackAnswered()) {
            reply.answerCallback(null);
        }
        queue.addAll(Backoff.store(() -> store.commit(id, reply.writes(), reply.calls()), () -> running, log, "committing update " + id));
    }

    /** The reply to an update; a store error goes up to be retried, any other failure gets the polite reply. */
    private Reply route(Update u) {
        try {
            return router.route(u);
        } catch (qantar.store.StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            counters.error();
            log.error("handling update {} failed: {}", u.getUpdateId(), e.toString());
            return router.failure(u);
        }
    }

    private void prune() {
        try {
            int n = store.prune(KEEP_DAYS);
            if (n > 0) {
                log.info("deleted {} delivered row(s) older than {} days", n, KEEP_DAYS);
            }
        } catch (RuntimeException e) {
            log.warn("pruning delivered rows failed (tried again in an hour): {}", e.toString());
        }
    }

    /** "typing…" while an answer is composed: best effort, not queued (it is no message). */
    private void typing(long chatId) {
        if (!queue.mayType(chatId)) {
            return;
        }
        try {
            transport.call("sendchataction", Reply.JSON.writeValueAsString(SendChatAction.builder().chatId(chatId).action("typing").build()));
        } catch (Exception e) {
            log.debug("typing action failed: {}", e.toString());
        }
    }

    /**
     * Queues a message to a user outside any update (a notice to an administrator), in the language
     * they chose (else English), delivered through the outbox like every reply; before {@link #start}
     * it waits in the outbox for the start.
     */
    public synchronized void tell(long userId, java.util.function.Function<Lang, String> html) {
        Reply r = new Reply(userId, null, null).html(html.apply(languages.chosen(userId).orElse(Lang.EN)));
        var queued = Backoff.store(() -> store.commit(null, List.of(), r.calls()), () -> true, log, "queuing a notice");
        if (running) {
            queue.addAll(queued); // before the start, the queue reads it from the outbox
        }
    }

    /** Calls waiting in the outbox (for tests and shutdown). */
    int outboxPending() {
        return queue.pending();
    }

    /**
     * Stops polling, lets the answers being composed finish and their messages go out (a few
     * seconds at most), and leaves the rest stored for the next start.
     */
    @Override
    public synchronized void close() {
        boolean wasRunning = running;
        running = false;
        if (poller != null) {
            poller.stop();
        }
        if (webhook != null) {
            webhook.close();
        }
        if (statsThread != null) {
            statsThread.shutdownNow();
        }
        if (lanes != null) {
            lanes.stop(5000);
        }
        queue.stop(wasRunning ? 2000 : 0);
        httpThreads.shutdownNow();
        http.connectionPool().evictAll();
        if (wasRunning) {
            log.info("bot stopped; counters {}", counters);
        }
    }

    private String redact(String s) {
        return s == null ? "" : s.replace(settings.token(), "***");
    }

    private static String describe(TelegramUrl u) {
        return u.getSchema() + "://" + u.getHost() + ":" + u.getPort();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package qantar.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
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
 * <p>Exactly once across crashes: every update is stored before the next getUpdates confirms it
 * to Telegram; an update's replies enter the outbox in the same transaction that marks it handled;
 * the outbox is delivered and each call marked sent after the Bot API accepted it. After a kill,
 * unhandled updates are handled and unsent calls delivered. The one gap: a crash after Telegram
 * accepted a call but before it was marked sent sends that single call again.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query");

    /** How the bot runs. {@code pollSeconds} is the getUpdates long-poll timeout. */
    public record Settings(String token, String apiUrl, SendLimits limits, int pollSeconds, int workers, int senders,
                           int questionsPerMinute, RoleLookup roles) {
        public static Settings of(String token, String apiUrl) {
            return new Settings(token, apiUrl, SendLimits.TELEGRAM, 25, 4, 4, 10, RoleLookup.EVERYONE_CITIZEN);
        }

        public Settings withLimits(SendLimits l) {
            return new Settings(token, apiUrl, l, pollSeconds, workers, senders, questionsPerMinute, roles);
        }

        public Settings withQuestionsPerMinute(int n) {
            return new Settings(token, apiUrl, limits, pollSeconds, workers, senders, n, roles);
        }

        public Settings withPollSeconds(int s) {
            return new Settings(token, apiUrl, limits, s, workers, senders, questionsPerMinute, roles);
        }

        public Settings withRoles(RoleLookup r) {
            return new Settings(token, apiUrl, limits, pollSeconds, workers, senders, questionsPerMinute, r);
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
    private final AtomicLong offset = new AtomicLong();
    private final ThreadPoolExecutor httpThreads;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final Transport transport;
    private final SendQueue queue;
    private final AnswerFlow flow;
    private final BotFiles files;
    private ScheduledExecutorService pollThread;
    private ScheduledExecutorService statsThread;
    private TelegramBotsLongPollingApplication polling;
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
                .readTimeout(settings.pollSeconds() + 15L, TimeUnit.SECONDS).build();
        this.client = new OkHttpTelegramClient(http, settings.token(), url);
        this.transport = new BotApiTransport(client);
        this.files = new BotFiles(client, http, url, settings.token());
        this.queue = new SendQueue(transport, store, settings.limits(), counters);
        FloodGuard flood = new FloodGuard(settings.questionsPerMinute());
        AnswerForms forms = new AnswerForms(store);
        this.flow = new AnswerFlow(app.answers(), app.texts(), flood, counters, this::typing, username::get, forms);
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

    /** Checks the token (getMe), sets the command menu, resumes what a crash left, and starts polling. */
    public synchronized TelegramBot start() {
        User me = getMe();
        username.set(me.getUserName() == null ? "bot" : me.getUserName());
        router = new UpdateRouter(registry, settings.roles(), languages, app.texts(), flow, username.get(), me.getId());
        setCommands();
        offset.set(store.lastUpdateId());
        queue.start(settings.senders());
        lanes = new Lanes(settings.workers(), 256);
        running = true;
        List<String> pending = store.pendingUpdates();
        if (!pending.isEmpty()) {
            log.info("resuming {} update(s) received before the last stop", pending.size());
        }
        ObjectMapper json = new ObjectMapper();
        for (String data : pending) {
            try {
                Update u = json.readValue(data, Update.class);
                lanes.submit(Updates.orderKey(u), () -> handle(u));
            } catch (Exception e) {
                log.error("cannot resume a stored update: {}", e.toString());
            }
        }
        pollThread = Executors.newSingleThreadScheduledExecutor(daemon("tg-poll"));
        statsThread = Executors.newSingleThreadScheduledExecutor(daemon("tg-stats"));
        statsThread.scheduleAtFixedRate(() -> log.info("counters {}", counters), 60, 60, TimeUnit.SECONDS);
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> pollThread);
        try {
            polling.registerBot(settings.token(), () -> url, last -> GetUpdates.builder().offset((int) (offset.get() + 1))
                    .limit(100).timeout(settings.pollSeconds()).allowedUpdates(ALLOWED_UPDATES).build(), intake());
        } catch (TelegramApiException e) {
            close();
            throw new BotStartException("cannot start polling the Bot API at " + describe(url) + ": " + redact(e.getMessage()));
        }
        log.info("bot @{} is polling {} (corpus revision {})", username.get(), describe(url), app.revision());
        return this;
    }

    private User getMe() {
        try {
            return client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                throw new BotStartException("the Bot API at " + describe(url) + " rejected TELEGRAM_BOT_TOKEN ("
                        + e.getErrorCode() + "); check the token from @BotFather");
            }
            throw new BotStartException("the Bot API at " + describe(url) + " refused getMe: " + redact(e.getMessage()));
        } catch (TelegramApiException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BotStartException("cannot reach the Bot API at " + describe(url) + ": " + redact(cause.toString()));
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

    private LongPollingUpdateConsumer intake() {
        ObjectMapper json = new ObjectMapper();
        return updates -> {
            if (!running || updates.isEmpty()) {
                return; // stopping: not stored, so not confirmed; Telegram gives them again next start
            }
            try {
                Map<Long, String> batch = new LinkedHashMap<>();
                List<Update> sorted = updates.stream().sorted(java.util.Comparator.comparing(Update::getUpdateId)).toList();
                for (Update u : sorted) {
                    batch.put(u.getUpdateId().longValue(), json.writeValueAsString(u));
                }
                List<Long> fresh = store.receive(batch);
                offset.accumulateAndGet(sorted.get(sorted.size() - 1).getUpdateId(), Math::max);
                for (Update u : sorted) {
                    if (fresh.contains(u.getUpdateId().longValue())) {
                        lanes.submit(Updates.orderKey(u), () -> handle(u));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                counters.error();
                log.error("cannot store {} update(s); Telegram keeps them until stored: {}", updates.size(), e.toString());
            }
        };
    }

    /** Handles one update and commits its replies with its "handled" mark; a failure still answers politely. */
    private void handle(Update u) {
        long id = u.getUpdateId();
        if (store.handled(id)) {
            return;
        }
        Reply reply;
        try {
            reply = router.route(u);
        } catch (RuntimeException e) {
            counters.error();
            log.error("handling update {} failed: {}", id, e.toString());
            reply = router.failure(u);
        }
        if (reply.hasCallback() && !reply.callbackAnswered()) {
            reply.answerCallback(null);
        }
        queue.addAll(store.commit(id, reply.writes(), reply.calls()));
    }

    /** "typing…" while an answer is composed: best effort, not queued (it is no message). */
    private void typing(long chatId) {
        try {
            transport.call("sendchataction", Reply.JSON.writeValueAsString(SendChatAction.builder().chatId(chatId).action("typing").build()));
        } catch (Exception e) {
            log.debug("typing action failed: {}", e.toString());
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
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("closing long polling: {}", e.toString());
            }
        }
        if (pollThread != null) {
            pollThread.shutdown(); // no interrupt: the poll in flight lapses on its own (daemon thread), without error logs
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

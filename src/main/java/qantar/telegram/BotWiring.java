package qantar.telegram;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import qantar.json.Json;
import qantar.telegram.api.ApiUrl;
import qantar.telegram.api.BotApiTransport;
import qantar.telegram.api.BotFiles;
import qantar.telegram.api.Counters;
import qantar.telegram.api.SendQueue;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.api.Transport;
import qantar.telegram.citizen.CitizenFeatures;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Languages;

/** The bot's parts, built once: the HTTP client and its threads, the Bot API transport, the outbox queue and the citizens' features. */
final class BotWiring {
    private static final Logger log = LoggerFactory.getLogger(BotWiring.class);

    final TelegramBot.Settings settings;
    final TelegramUrl url;
    final TelegramStore store;
    final Counters counters = new Counters();
    final CommandRegistry registry = new CommandRegistry();
    final Languages languages;
    final ThreadPoolExecutor httpThreads;
    final OkHttpClient http;
    final OkHttpTelegramClient client;
    final Transport transport;
    final BotFiles files;
    final SendQueue queue;
    final CitizenFeatures citizens;

    BotWiring(BotSources app, TelegramBot.Settings settings, Supplier<String> username) {
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
        this.citizens = new CitizenFeatures(app.answers(), app.texts(), app.corpus(), app.revision(), store, languages, counters,
                this::typing, username, settings.questionsPerMinute(), registry);
    }

    /** The long-poll client: the same pool, with a read timeout past the getUpdates timeout. */
    OkHttpClient longPoll() {
        return http.newBuilder().readTimeout(settings.pollSeconds() + 15L, TimeUnit.SECONDS).build();
    }

    /** "typing…" while an answer is composed: best effort, not queued (it is no message). */
    private void typing(long chatId) {
        if (!queue.mayType(chatId)) {
            return;
        }
        try {
            transport.call("sendchataction", Json.MAPPER.writeValueAsString(SendChatAction.builder().chatId(chatId).action("typing").build()));
        } catch (Exception e) {
            log.debug("typing action failed: {}", e.toString());
        }
    }

    /** The HTTP threads and idle connections, after the queue and the poller stopped. */
    void closeHttp() {
        httpThreads.shutdownNow();
        http.connectionPool().evictAll();
    }

    String describeUrl() {
        return url.getSchema() + "://" + url.getHost() + ":" + url.getPort();
    }

    String redact(String s) {
        return s == null ? "" : s.replace(settings.token(), "***");
    }

    static ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package qantar.answer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat server on 127.0.0.1 with a scripted behaviour: a reply, an HTTP
 * error, or silence for a while. It records the request bodies it got.
 */
final class FakeChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-chat");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The reply to a request: from the user message's text to the assistant's content. */
    private volatile java.util.function.UnaryOperator<String> replies = user -> "";
    private volatile int status = 200;
    private volatile long delayMillis;

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The model's reply text (the assistant message's content). */
    FakeChatServer replying(String content) {
        return replying(user -> content);
    }

    /** A reply that depends on the request's user message. */
    FakeChatServer replying(java.util.function.UnaryOperator<String> replies) {
        this.replies = replies;
        this.status = 200;
        return this;
    }

    FakeChatServer failing(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    FakeChatServer waiting(long millis) {
        this.delayMillis = millis;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A base URL where nothing listens: a port taken and released at once. */
    static String deadUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/v1";
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(request);
            if (delayMillis > 0 && closing.await(delayMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
            byte[] body;
            if (status != 200) {
                body = ("{\"error\":{\"message\":\"scripted failure\",\"type\":\"error\",\"code\":" + status + "}}")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                ObjectNode o = JSON.createObjectNode();
                o.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 0).put("model", "fake");
                ObjectNode choice = o.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", replies.apply(userMessage(request)));
                o.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
                body = JSON.writeValueAsBytes(o);
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The text of the last user message of a chat completions request. */
    static String userMessage(String request) throws IOException {
        String user = "";
        for (var m : JSON.readTree(request).path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                user = m.path("content").asText();
            }
        }
        return user;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

package qantar.web;

import io.javalin.config.JavalinConfig;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntBiFunction;

/**
 * A POST endpoint another feature serves on the web server (the Telegram webhook): the value of
 * one request header and the body go to {@code receive}, which answers with the status. The body
 * of the answer is empty whatever the status, so it tells a stranger nothing. A GET of the same
 * path is 200 while {@code taking} holds and 503 otherwise: a reverse proxy's health check sends
 * the POSTs only to the instance that takes them now.
 */
public record WebhookRoute(String path, String header, ToIntBiFunction<String, String> receive, BooleanSupplier taking) {
    public WebhookRoute(String path, String header, ToIntBiFunction<String, String> receive) {
        this(path, header, receive, () -> true);
    }

    void register(JavalinConfig config) {
        config.routes.post(path, ctx -> ctx.status(receive.applyAsInt(ctx.header(header), ctx.body())).result(""));
        config.routes.get(path, ctx -> ctx.status(taking.getAsBoolean() ? 200 : 503).result(""));
    }
}

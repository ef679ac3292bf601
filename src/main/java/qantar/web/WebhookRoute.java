package qantar.web;

import io.javalin.config.JavalinConfig;
import java.util.function.ToIntBiFunction;

/**
 * A POST endpoint another feature serves on the web server (the Telegram webhook): the value of
 * one request header and the body go to {@code receive}, which answers with the status. The body
 * of the answer is empty whatever the status, so it tells a stranger nothing.
 */
public record WebhookRoute(String path, String header, ToIntBiFunction<String, String> receive) {
    void register(JavalinConfig config) {
        config.routes.post(path, ctx -> ctx.status(receive.applyAsInt(ctx.header(header), ctx.body())).result(""));
    }
}

package qantar.telegram.api;

import java.net.URI;
import java.net.URISyntaxException;
import org.telegram.telegrambots.meta.TelegramUrl;

/** TELEGRAM_API_URL ("https://api.telegram.org", "http://127.0.0.1:8081") as the library's TelegramUrl. */
public final class ApiUrl {
    static final String DEFAULT = "https://api.telegram.org";

    private ApiUrl() {
    }

    public static TelegramUrl parse(String url) {
        String u = url == null || url.isBlank() ? DEFAULT : url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalStateException("TELEGRAM_API_URL must look like https://api.telegram.org or http://127.0.0.1:8081, not " + u);
            }
            if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                throw new IllegalStateException("TELEGRAM_API_URL must have no path (the bot adds /bot<token>/<method>): " + u);
            }
            int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return new TelegramUrl(scheme, uri.getHost(), port, false);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("TELEGRAM_API_URL is not a URL: " + u);
        }
    }
}

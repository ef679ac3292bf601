package qantar.telegram.render;

import java.nio.charset.StandardCharsets;

/** An inline button: either callback data (at most 64 bytes, as Telegram requires) or a URL. */
public record Button(String text, String data, String url) {
    public static final int MAX_DATA_BYTES = 64;

    public Button {
        if (data != null && data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("callback data over 64 bytes: " + data);
        }
    }

    public static Button callback(String text, String data) {
        return new Button(text, data, null);
    }

    public static Button link(String text, String url) {
        return new Button(text, null, url);
    }
}

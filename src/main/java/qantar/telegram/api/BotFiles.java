package qantar.telegram.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Files to and from the Bot API: a user's document (getFile, then the download from
 * /file/bot&lt;token&gt;/&lt;path&gt;) and a document the bot sends (multipart sendDocument).
 * These go directly, not through the outbox: a file is too big to keep there, and a download is
 * needed while the update is being handled. Errors never carry the token.
 */
public final class BotFiles {
    /** A file could not be fetched or sent; the message is safe to show and log. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private final OkHttpTelegramClient client;
    private final OkHttpClient http;
    private final TelegramUrl url;
    private final String token;

    public BotFiles(OkHttpTelegramClient client, OkHttpClient http, TelegramUrl url, String token) {
        this.client = client;
        this.http = http;
        this.url = url;
        this.token = token;
    }

    /** The file's bytes, or a Failure when it is larger than {@code maxBytes} or cannot be fetched. */
    public byte[] download(String fileId, long maxBytes) {
        try {
            File f = client.execute(GetFile.builder().fileId(fileId).build());
            if (f.getFileSize() != null && f.getFileSize() > maxBytes) {
                throw new Failure("file too large: " + f.getFileSize() + " bytes");
            }
            // the library's own download always goes to api.telegram.org; ours follows TELEGRAM_API_URL
            String fileUrl = url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + "/file/bot" + token + "/" + f.getFilePath();
            try (Response r = http.newCall(new okhttp3.Request.Builder().url(fileUrl).get().build()).execute()) {
                if (!r.isSuccessful() || r.body() == null) {
                    throw new Failure("cannot download the file: HTTP " + r.code());
                }
                InputStream in = r.body().byteStream();
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new Failure("file too large: over " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (TelegramApiException | IOException e) {
            throw new Failure("cannot download the file: " + redact(String.valueOf(e.getMessage())));
        }
    }

    /** Sends bytes as a document to a chat, with an HTML caption (already escaped by the caller). */
    public void sendDocument(long chatId, String fileName, byte[] bytes, String captionHtml) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.execute(SendDocument.builder().chatId(chatId)
                        .document(new InputFile(new ByteArrayInputStream(bytes), fileName))
                        .caption(captionHtml).parseMode("HTML").build());
                return;
            } catch (TelegramApiRequestException e) {
                // outside the send queue, so a 429 is waited out here (a few times at most)
                Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                if (e.getErrorCode() == null || e.getErrorCode() != 429 || attempt == 3) {
                    throw new Failure("cannot send the document: " + redact(e.getMessage()));
                }
                if (!Threads.sleep((after == null ? 1 : after) * 1000L)) {
                    throw new Failure("interrupted while sending the document");
                }
            } catch (TelegramApiException e) {
                throw new Failure("cannot send the document: " + redact(e.getMessage()));
            }
        }
    }

    private String redact(String s) {
        return s == null ? "" : s.replace(token, "***");
    }
}

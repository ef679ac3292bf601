package qantar.telegram.route;

import org.telegram.telegrambots.meta.api.objects.Document;

/** Handles a document sent in a private chat by a user with the handler's role. */
@FunctionalInterface
public interface DocumentHandler {
    void handle(Request request, Document document, Reply reply);
}

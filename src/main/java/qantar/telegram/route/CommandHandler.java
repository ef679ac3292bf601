package qantar.telegram.route;

/** Handles a /command; writes what to send into the reply. */
@FunctionalInterface
public interface CommandHandler {
    void handle(Request request, Reply reply);
}

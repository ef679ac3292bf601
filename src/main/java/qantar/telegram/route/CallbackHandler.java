package qantar.telegram.route;

/**
 * Handles a button press whose callback data starts with the registered prefix; {@code args} is
 * the rest of the data after "prefix:". The press itself is answered by the router if the handler
 * does not answer it.
 */
@FunctionalInterface
public interface CallbackHandler {
    void handle(Request request, String args, Reply reply);
}

package qantar.telegram.route;

/** Where the router hands what is not a command or a button: questions typed in a chat, and inline queries. */
public interface Questions {
    void ask(Request request, String text, Reply reply);

    void inline(Request request, String inlineQueryId, String query, Reply reply);
}

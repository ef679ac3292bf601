package qantar.telegram.api;

/** The bot cannot start (no token, token rejected, Bot API unreachable); the message says why, never the token. */
public final class BotStartException extends IllegalStateException {
    public BotStartException(String message) {
        super(message);
    }
}

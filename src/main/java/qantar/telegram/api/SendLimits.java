package qantar.telegram.api;

/**
 * Telegram's message limits: one message per chat per {@code perChatMillis}, {@code perSecond}
 * overall, {@code perGroupWindow} per group chat within {@code groupWindowMillis}.
 */
public record SendLimits(long perChatMillis, int perSecond, int perGroupWindow, long groupWindowMillis) {
    public static final SendLimits TELEGRAM = new SendLimits(1000, 30, 20, 60_000);
}

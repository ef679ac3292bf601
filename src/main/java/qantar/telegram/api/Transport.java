package qantar.telegram.api;

/** Delivers one Bot API call; says whether Telegram accepted it, wants us to wait, or refused it. */
public interface Transport {
    sealed interface Result permits Accepted, RetryAfter, NoAnswer, Refused {
    }

    record Accepted() implements Result {
    }

    /** Telegram said 429 (or the network failed): try the same call again after this many milliseconds. */
    record RetryAfter(long millis, boolean tooManyRequests) implements Result {
    }

    /** The call went out but no answer came in time: Telegram may have delivered it. Try again after a while. */
    record NoAnswer(long millis) implements Result {
    }

    /** Telegram refused the call for good (400, 403): sending it again cannot help. */
    record Refused(int code, String description) implements Result {
    }

    Result call(String method, String payloadJson);
}

package qantar.telegram.citizen;

/**
 * Where a citizen's 👎 report goes (the moderation queue). The bot itself keeps no user id with
 * feedback; the sink decides how the reporter is kept (moderation keeps only a keyed hash).
 */
@FunctionalInterface
public interface ReportSink {
    ReportSink NONE = (userId, answerId, reason) -> {
    };

    void report(long userId, String answerId, String reason);
}

package qantar.corpus;

/**
 * Where passages come from. Fields are kept exactly as the research gives them: {@code date} may be
 * inferred ("≈2022-01") or unknown ("n/d"); {@code mirrorOf} names what a copy reposts.
 * {@code side} is the kind of its publisher (an RFE/RL page is independent even where it reports an
 * official figure), never the side of a statement it carries; null where it is not recorded.
 */
public record Source(String id, String title, String publisher, String date, String url, String language,
                     String mirrorOf, String note, Side side) {

    public Source(String id, String title, String publisher, String date, String url, String language,
                  String mirrorOf, String note) {
        this(id, title, publisher, date, url, language, mirrorOf, note, null);
    }
    /** A mirror, repost, aggregator or machine copy rather than the original: it names what it copies. */
    public boolean isCopy() {
        return mirrorOf != null && !mirrorOf.isBlank();
    }
}

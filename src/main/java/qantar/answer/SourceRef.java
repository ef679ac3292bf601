package qantar.answer;

import qantar.corpus.Side;

/** A source cited by an answer; {@code side} is the side of the first statement citing it. */
public record SourceRef(String id, Side side, String title, String publisher, String date, String url, String mirrorOf) {
}

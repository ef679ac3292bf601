package qantar.store;

/**
 * What an import of knowledge/ does with one passage, from what is stored and what the files say.
 * Moderators' versions win: a passage they changed since the last import is never overwritten.
 */
enum ImportDecision {
    /** New in knowledge/. */
    CREATE,
    /** The file did not change since the last import: what moderators did stands. */
    UNCHANGED,
    /** knowledge/ caught up with the moderators (an export committed to git): taken as imported, so later edits of the file apply again. */
    ADOPT,
    /** Changed by moderators and in knowledge/ alike: reported, not applied. */
    CONFLICT,
    /** Changed in knowledge/ only: the file's version goes live. */
    UPDATE,
    /** As UPDATE, for a passage that was retired: it comes back. */
    RESTORE,
    /** Came from knowledge/ and left it: retired. */
    RETIRE,
    /** Not in knowledge/ and nothing to do: a moderator's own passage, or one retired already. */
    KEEP;

    /** A stored passage as an import sees it; {@code importDigest} is null for a passage no import wrote. */
    record PassageRow(String digest, String importDigest, boolean live, boolean moderated) {
    }

    /** A passage of knowledge/ whose data hashes to {@code digest}; {@code stored} is null when there is none. */
    static ImportDecision inFiles(PassageRow stored, String digest) {
        if (stored == null) {
            return CREATE;
        }
        if (digest.equals(stored.importDigest())) {
            return UNCHANGED;
        }
        if (stored.moderated() && stored.live() && digest.equals(stored.digest())) {
            return ADOPT;
        }
        if (stored.moderated() || stored.importDigest() != null && !stored.digest().equals(stored.importDigest())
                && !digest.equals(stored.digest())) {
            return CONFLICT;
        }
        return stored.live() ? UPDATE : RESTORE;
    }

    /** A stored passage that is not in knowledge/ (any more). */
    static ImportDecision leftFiles(PassageRow stored) {
        if (!stored.live() || stored.importDigest() == null) {
            return KEEP;
        }
        // moderators changed it since; removing the file does not undo that
        return stored.moderated() ? CONFLICT : RETIRE;
    }
}

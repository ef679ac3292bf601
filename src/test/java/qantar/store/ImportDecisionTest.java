package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static qantar.store.ImportDecision.ADOPT;
import static qantar.store.ImportDecision.CONFLICT;
import static qantar.store.ImportDecision.CREATE;
import static qantar.store.ImportDecision.KEEP;
import static qantar.store.ImportDecision.RESTORE;
import static qantar.store.ImportDecision.RETIRE;
import static qantar.store.ImportDecision.UNCHANGED;
import static qantar.store.ImportDecision.UPDATE;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qantar.store.ImportDecision.PassageRow;

/** Every branch of what an import does with a passage: "A" is the last import's version, "M" a moderator's, "F" the file's. */
class ImportDecisionTest {
    private static final boolean LIVE = true;
    private static final boolean RETIRED = false;
    private static final boolean MODERATED = true;
    private static final boolean IMPORTED = false;

    /** digest, import digest, live, moderated since the import; the file's digest; the decision. */
    static Stream<Arguments> passagesInFiles() {
        return Stream.of(
                Arguments.of("new in knowledge/", null, "F", CREATE),
                Arguments.of("file as last imported", row("A", "A", LIVE, IMPORTED), "A", UNCHANGED),
                Arguments.of("file as last imported, moderators edited since", row("M", "A", LIVE, MODERATED), "A", UNCHANGED),
                Arguments.of("file as last imported, moderators retired it", row("A", "A", RETIRED, MODERATED), "A", UNCHANGED),
                Arguments.of("file caught up with the moderators", row("M", "A", LIVE, MODERATED), "M", ADOPT),
                Arguments.of("file matches a moderator's own passage", row("M", null, LIVE, MODERATED), "M", ADOPT),
                Arguments.of("file and moderators both changed it", row("M", "A", LIVE, MODERATED), "F", CONFLICT),
                Arguments.of("file changed, moderators retired it", row("A", "A", RETIRED, MODERATED), "F", CONFLICT),
                Arguments.of("file matches a passage moderators retired", row("M", "A", RETIRED, MODERATED), "M", CONFLICT),
                Arguments.of("file names a moderator's own passage", row("M", null, LIVE, MODERATED), "F", CONFLICT),
                Arguments.of("live data differs from the import, no moderator revision since", row("M", "A", LIVE, IMPORTED), "F", CONFLICT),
                Arguments.of("changed in the file only", row("A", "A", LIVE, IMPORTED), "F", UPDATE),
                Arguments.of("file matches the live data that differs from the import", row("M", "A", LIVE, IMPORTED), "M", UPDATE),
                Arguments.of("an import retired it and it is back in the file", row("A", null, RETIRED, IMPORTED), "F", RESTORE),
                Arguments.of("back in the file as it was", row("A", null, RETIRED, IMPORTED), "A", RESTORE));
    }

    static Stream<Arguments> passagesThatLeftTheFiles() {
        return Stream.of(
                Arguments.of("came from knowledge/", row("A", "A", LIVE, IMPORTED), RETIRE),
                Arguments.of("came from knowledge/, moderators changed it since", row("M", "A", LIVE, MODERATED), CONFLICT),
                Arguments.of("a moderator's own passage", row("M", null, LIVE, MODERATED), KEEP),
                Arguments.of("retired already", row("A", null, RETIRED, IMPORTED), KEEP),
                Arguments.of("retired by moderators", row("A", "A", RETIRED, MODERATED), KEEP));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("passagesInFiles")
    void aPassageInKnowledge(String what, PassageRow stored, String fileDigest, ImportDecision expected) {
        assertThat(ImportDecision.inFiles(stored, fileDigest)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("passagesThatLeftTheFiles")
    void aPassageNoLongerInKnowledge(String what, PassageRow stored, ImportDecision expected) {
        assertThat(ImportDecision.leftFiles(stored)).isEqualTo(expected);
    }

    private static PassageRow row(String digest, String importDigest, boolean live, boolean moderated) {
        return new PassageRow(digest, importDigest, live, moderated);
    }
}

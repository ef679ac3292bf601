package qantar.corpus;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Source and passage ids across every file read, and where each was first used: an id is unique
 * in the whole corpus (and, for an upload, against the live corpus), so a clash names both places.
 */
final class IdRegistry {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");
    private static final String ID_RULE = " must be lowercase letters, digits and '-', at most 48 characters";

    private final Map<String, String> sourcesAt = new HashMap<>();
    private final Map<String, String> passagesAt = new HashMap<>();

    /** Ids the live corpus holds already: a file may not use them again. */
    void takenByLiveCorpus(Set<String> sourceIds, Set<String> passageIds) {
        sourceIds.forEach(id -> sourcesAt.put(id, "the live corpus"));
        passageIds.forEach(id -> passagesAt.put(id, "the live corpus"));
    }

    void claimSource(YamlNodes y, Node at, String id) {
        claim(y, at, id, "id '", "duplicate source id '", sourcesAt);
    }

    void claimPassage(YamlNodes y, Node at, String id) {
        claim(y, at, id, "passage id '", "duplicate passage id '", passagesAt);
    }

    boolean passageKnown(String id) {
        return passagesAt.containsKey(id);
    }

    private static void claim(YamlNodes y, Node at, String id, String badId, String duplicate, Map<String, String> seen) {
        if (!ID.matcher(id).matches()) {
            y.error(at, badId + id + "'" + ID_RULE);
        } else if (seen.containsKey(id)) {
            y.error(at, duplicate + id + "' (also in " + seen.get(id) + ")");
        } else {
            seen.put(id, y.file() + ":" + YamlNodes.line(at));
        }
    }
}

package qantar.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The same_as references of the passages read, checked once every passage is known. */
final class SameAsRefs {
    private record Ref(String passage, String target, String file, int line) {
    }

    private final List<Ref> refs = new ArrayList<>();

    void add(String passage, String target, String file, int line) {
        refs.add(new Ref(passage, target, file, line));
    }

    /**
     * A same_as names the first passage of its cluster: one that exists, of the same side (a cluster
     * is one side's fact told by several sources), and itself in no other cluster.
     */
    void check(List<Passage> read, Map<String, Passage> live, List<Problem> problems) {
        Map<String, Passage> known = new HashMap<>(live);
        read.forEach(p -> known.put(p.id(), p));
        for (Ref ref : refs) {
            Passage target = known.get(ref.target());
            Passage self = known.get(ref.passage());
            String problem = target == null ? "same_as names an unknown passage '" + ref.target() + "'"
                    : target.sameAs() != null ? "same_as must name the first passage of the cluster: '" + ref.target()
                            + "' is itself same_as '" + target.sameAs() + "'"
                    : self != null && self.side() != target.side() ? "same_as names '" + ref.target() + "' of side "
                            + target.side().id() + "; a cluster keeps to one side"
                    : null;
            if (problem != null) {
                problems.add(new Problem(ref.file(), ref.line(), Problem.Severity.ERROR, problem));
            }
        }
    }
}

package qantar.app;

import java.nio.file.Path;
import java.util.Optional;
import qantar.answer.llm.LlmSettings;
import qantar.config.ProgramVersion;
import qantar.search.Embedder;
import qantar.store.Sha256;

/**
 * What composes answers besides the corpus: the program's version, its configuration (weights,
 * frames, scope rules, messages), the embedding model and the composer. A stored answer is reopened
 * for a question asked again only while this is the same ({@link qantar.store.AnswerStore#edition}),
 * so a new release or a retuned configuration reaches the questions people ask most.
 */
final class AnswersMadeBy {
    private AnswersMadeBy() {
    }

    static String of(Path configDir, Optional<Embedder> embedder, Optional<LlmSettings> llm) {
        return Sha256.hex("version " + ProgramVersion.number()
                + "\nconfig " + KnowledgeImport.digest(configDir)
                + "\nvectors " + embedder.map(Embedder::id).orElse("none")
                + "\ncomposer " + llm.map(s -> s.provider() + " " + s.model()).orElse("extractive"));
    }
}

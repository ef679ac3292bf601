package qantar;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import qantar.answer.Answer;
import qantar.answer.Question;
import qantar.answer.SourceRef;
import qantar.answer.Statement;

/**
 * The design's arrows (DESIGN.md, "Shape") as rules over our main classes: the front ends
 * (command line, Telegram, web, evaluation) use moderation and answers, which use search, which
 * uses the corpus and the store; nothing points back up, no two feature packages need each other,
 * the domain types know no library of the edges, and only the command line opens the whole app.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = importMain();

    /** Our main classes only: the rules are about our packages, so the libraries' classes need not be read. */
    private static JavaClasses importMain() {
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        Path main = Path.of(Answer.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return new ClassFileImporter().importPath(main);
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Cli").definedBy("qantar.cli..")
                .layer("App").definedBy("qantar.app..")
                .layer("Fronts").definedBy("qantar.telegram..", "qantar.web..", "qantar.eval..")
                .layer("Features").definedBy("qantar.moderation..", "qantar.answer..")
                .layer("Search").definedBy("qantar.search..")
                .layer("Store").definedBy("qantar.store..")
                .layer("Config").definedBy("qantar.config..")
                .layer("Corpus").definedBy("qantar.corpus..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Fronts").mayOnlyBeAccessedByLayers("Cli", "Fronts")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Cli", "App", "Fronts", "Features")
                .whereLayer("Search").mayOnlyBeAccessedByLayers("Cli", "App", "Fronts", "Features")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Cli", "App", "Fronts", "Features", "Search")
                // texts, labels and scope rules: read by everything above the store, and by the store for its locations
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Cli", "App", "Fronts", "Features", "Search", "Store")
                .check(MAIN);
    }

    /**
     * Only the command line opens the whole application and hands out its parts: the bot and the
     * web pages take what they use ({@code BotSources}, {@code WebSources}).
     */
    @Test
    void onlyTheCommandLineDependsOnTheApp() {
        noClasses().that().resideOutsideOfPackages("qantar.cli..", "qantar.app..")
                .should().dependOnClassesThat().resideInAPackage("qantar.app..")
                .check(MAIN);
    }

    /** telegram's sub-packages count as one: their own order is {@link #telegramSubPackagesDependOneWay}. */
    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("qantar.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The domain types know nothing of Telegram, Lucene, SQLite, JDBC, Jackson or the web server. */
    @Test
    void domainTypesKnowNoEdgeLibrary() {
        Set<String> answerTypes = Set.of(Answer.class.getName(), Statement.class.getName(), Question.class.getName(),
                SourceRef.class.getName());
        noClasses().that().resideInAPackage("qantar.corpus..")
                .or(describe("are the answer's types", (JavaClass c) -> answerTypes.contains(c.getName())
                        || answerTypes.contains(c.getName().replaceFirst("\\$.*", ""))))
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "org.apache.lucene..", "org.sqlite..",
                        "org.postgresql..", "java.sql..", "com.fasterxml.jackson..", "io.javalin..", "qantar.store..",
                        "qantar.search..", "qantar.telegram..")
                .check(MAIN);
    }

    /**
     * Inside telegram: the bot (qantar.telegram) wires the citizens' features, which use routing,
     * which uses the Bot API transport and outbox; rendering is plain text work beneath them all.
     */
    @Test
    void telegramSubPackagesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Bot").definedBy("qantar.telegram")
                .layer("Moderation").definedBy("qantar.telegram.moderation..")
                .layer("Citizen").definedBy("qantar.telegram.citizen..")
                .layer("Route").definedBy("qantar.telegram.route..")
                .layer("Api").definedBy("qantar.telegram.api..")
                .layer("Render").definedBy("qantar.telegram.render..")
                .whereLayer("Bot").mayOnlyBeAccessedByLayers("Moderation")
                .whereLayer("Moderation").mayNotBeAccessedByAnyLayer()
                // moderation hands citizens' reports to its queue through the citizens' ReportSink
                .whereLayer("Citizen").mayOnlyBeAccessedByLayers("Bot", "Moderation")
                .whereLayer("Route").mayOnlyBeAccessedByLayers("Bot", "Moderation", "Citizen")
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Bot", "Moderation", "Citizen", "Route")
                .whereLayer("Render").mayOnlyBeAccessedByLayers("Bot", "Moderation", "Citizen", "Route", "Api")
                .check(MAIN);
    }

    @Test
    void theTransportKnowsNothingOfWhatItCarries() {
        noClasses().that().resideInAPackage("qantar.telegram.api..")
                .should().dependOnClassesThat().resideInAnyPackage("qantar.answer..", "qantar.moderation..", "qantar.search..")
                .check(MAIN);
    }
}

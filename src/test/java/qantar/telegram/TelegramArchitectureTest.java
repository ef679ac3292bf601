package qantar.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The telegram package's arrows: the bot (qantar.telegram) wires the citizens' features, which
 * use routing, which uses the Bot API transport and outbox; rendering is plain text work beneath
 * them all. Nothing points back up, and nothing here reaches for the whole application.
 */
class TelegramArchitectureTest {
    private static final JavaClasses MAIN = importMain();

    /** Our main classes only: the rules are about our packages, so the libraries' classes need not be read. */
    private static JavaClasses importMain() {
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        Path main = Path.of(TelegramBot.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return new ClassFileImporter().importPath(main);
    }

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

    /**
     * The bot takes what it uses (answers, texts, database, corpus) rather than the whole app.
     * Moderation's Telegram wiring is left out while it is being reworked: it still takes the app.
     */
    @Test
    void nothingInTelegramDependsOnTheApp() {
        noClasses().that().resideInAPackage("qantar.telegram..")
                .and().resideOutsideOfPackage("qantar.telegram.moderation..")
                .should().dependOnClassesThat().resideInAPackage("qantar.app..")
                .check(MAIN);
    }
}

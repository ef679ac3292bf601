package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.testing.Engine;

/** A migration edited after it was applied is caught at start, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class MigrationChecksumsTest {
    private static final String EDITED = "V3__moderation.sql";

    @Parameter
    Engine engine;

    @TempDir
    Path tmp;

    private Database open(Migrations migrations) {
        return Database.open(tmp, engine.location(tmp), migrations);
    }

    /** The shipped migrations with one file's text changed. */
    private static Migrations withText(String name, UnaryOperator<String> change) {
        Migrations shipped = Migrations.SHIPPED;
        return new Migrations(shipped.names(), n -> n.equals(name) ? change.apply(shipped.text().apply(n)) : shipped.text().apply(n));
    }

    private static List<String> checksums(Database db) {
        return db.query(() -> Sql.list(db.connection(), "SELECT checksum FROM schema_version ORDER BY version", rs -> rs.getString(1)));
    }

    @Test
    void anAppliedMigrationWhoseTextChangedIsRefusedByName() {
        open(Migrations.SHIPPED).close();
        Migrations edited = withText(EDITED, sql -> sql + "\nCREATE INDEX IF NOT EXISTS mod_audit_at ON mod_audit (at);\n");
        assertThatThrownBy(() -> open(edited)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the migration " + EDITED + " was changed after it was applied")
                .hasMessageContaining("put the change in a new migration");
        try (Database db = open(Migrations.SHIPPED)) { // the refusal changed nothing: the shipped text opens it
            assertThat(checksums(db)).hasSize(Migrations.SHIPPED.count()).doesNotContainNull();
        }
    }

    @Test
    void aDatabaseMigratedBeforeChecksumsGetsThemAndIsCheckedFromThenOn() {
        List<String> names = Migrations.SHIPPED.names();
        open(new Migrations(names.subList(0, names.indexOf("V12__migration_checksums.sql")), Migrations.SHIPPED.text())).close();
        try (Database db = open(Migrations.SHIPPED)) {
            List<String> expected = new java.util.ArrayList<>();
            for (int v = 1; v <= Migrations.SHIPPED.count(); v++) {
                expected.add(Migrations.SHIPPED.checksum(v));
            }
            assertThat(checksums(db)).isEqualTo(expected);
        }
        assertThatThrownBy(() -> open(withText(EDITED, sql -> sql.replace("TEXT", "TEXT ")))).hasMessageContaining(EDITED);
    }

    @Test
    void windowsLineEndsAreNotAChange() {
        open(Migrations.SHIPPED).close();
        open(withText(EDITED, sql -> sql.replace("\n", "\r\n"))).close();
    }
}

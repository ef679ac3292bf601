package qantar.testing;

import java.nio.file.Path;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.store.Database;

/**
 * The two stores a suite runs on: SQLite in the data folder, and a real PostgreSQL server (one
 * per test JVM, a schema per data folder). A suite names it as a class parameter:
 * {@code @ParameterizedClass @EnumSource(Engine.class)} with {@code @Parameter Engine engine}.
 */
public enum Engine {
    SQLITE {
        @Override
        public Database.Location location(Path dataDir) {
            return Database.Location.sqlite(dataDir);
        }
    },
    POSTGRESQL {
        @Override
        public Database.Location location(Path dataDir) {
            return EmbeddedPostgresServer.locationFor(dataDir);
        }
    };

    /** Where this engine keeps the data of {@code dataDir}: the same place each time it is asked. */
    public abstract Database.Location location(Path dataDir);

    public Database open(Path dataDir) {
        return Database.open(dataDir, location(dataDir));
    }

    /** The program on the fixture corpus, its store on this engine. */
    public Qantar app(Path dataDir) {
        return app(dataDir, Fixture.knowledge());
    }

    public Qantar app(Path dataDir, Path knowledge) {
        return Qantar.open(dataDir, location(dataDir), knowledge, Fixture.config(), Progress.NONE);
    }
}

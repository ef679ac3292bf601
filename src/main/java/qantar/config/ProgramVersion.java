package qantar.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven builds (version.properties is filtered), so it never drifts from the pom. */
public final class ProgramVersion {
    static final String RESOURCE = "version.properties";

    private ProgramVersion() {
    }

    public static String number() {
        try (InputStream in = ProgramVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " beside " + ProgramVersion.class.getName());
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

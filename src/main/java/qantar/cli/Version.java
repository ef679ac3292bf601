package qantar.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** --version: the version Maven builds (version.properties is filtered), so it never drifts from the pom. */
final class Version implements IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"Qantar Sources " + number()};
    }

    static String number() throws IOException {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing " + RESOURCE + " beside " + Version.class.getName());
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }
}

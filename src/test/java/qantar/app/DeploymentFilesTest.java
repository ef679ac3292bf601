package qantar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and its Caddyfile, read as files (no Docker daemon here): the services the
 * README describes, both instances with the same settings and each with its own data volume, and
 * every setting one that README's Environment table documents.
 */
class DeploymentFilesTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @Test
    void composeRunsTwoInstancesWithTheSameDocumentedSettingsOnPostgresBehindCaddy() throws Exception {
        Map<String, Object> compose = map(new Yaml().load(Files.readString(Path.of("docker-compose.yml"))));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsOnlyKeys("db", "qantar-1", "qantar-2", "caddy");

        Map<String, Object> db = map(services.get("db"));
        assertThat(db.get("image")).isEqualTo("postgres:16");
        String database = (String) map(db.get("environment")).get("POSTGRES_DB");

        Map<String, Object> one = map(services.get("qantar-1"));
        Map<String, Object> two = map(services.get("qantar-2"));
        assertThat(one.get("build")).isEqualTo(".");
        assertThat(two.get("image")).isEqualTo(one.get("image"));
        Map<String, Object> env = map(one.get("environment"));
        assertThat(map(two.get("environment"))).isEqualTo(env);
        assertThat(env.get("QANTAR_DATABASE_URL")).isEqualTo("jdbc:postgresql://db:5432/" + database);
        assertThat(env.get("QANTAR_DATABASE_USER")).isEqualTo(map(db.get("environment")).get("POSTGRES_USER"));
        assertThat(env).containsKeys("TELEGRAM_BOT_TOKEN", "QANTAR_SECRET", "QANTAR_PUBLIC_URL", "TELEGRAM_WEBHOOK_URL");
        assertThat(documentedVariables()).containsAll(env.keySet());
        // each instance its own index: the data folders are not shared
        assertThat((List<String>) one.get("volumes")).singleElement().asString().endsWith(":/data");
        assertThat((List<String>) two.get("volumes")).singleElement().asString().endsWith(":/data").isNotEqualTo(((List<?>) one.get("volumes")).get(0));

        String caddyfile = Files.readString(Path.of("Caddyfile"));
        Map<String, Object> caddy = map(services.get("caddy"));
        assertThat((List<String>) caddy.get("volumes")).contains("./Caddyfile:/etc/caddy/Caddyfile:ro");
        String upstreams = "qantar-1:" + env.get("QANTAR_WEB_PORT") + " qantar-2:" + env.get("QANTAR_WEB_PORT");
        assertThat(caddyfile.split("reverse_proxy " + Pattern.quote(upstreams), -1)).as("both blocks proxy to both instances").hasSize(3);
        // the webhook goes where its path's health check says the updates are taken
        assertThat(caddyfile).contains("@webhook path /telegram/{$QANTAR_WEBHOOK_PATH}", "health_uri /telegram/{$QANTAR_WEBHOOK_PATH}");
        assertThat(map(caddy.get("environment"))).containsKeys("QANTAR_HOST", "QANTAR_WEBHOOK_PATH");
    }

    /** The variables in the first column of README's Environment table. */
    private static Set<String> documentedVariables() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Environment"), readme.indexOf("\n## ", readme.indexOf("## Environment") + 1));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(table);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("QANTAR_DATABASE_URL");
        return names;
    }
}

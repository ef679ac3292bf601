package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program's secret lives outside the database: the environment, else an owner-only key file. */
class SecretKeyTest {
    @TempDir
    Path tmp;

    @Test
    void theKeyFileIsMadeOnceOwnerOnlyAndKept() throws Exception {
        byte[] first = SecretKey.load(null, tmp).derive("x");
        Path file = tmp.resolve(SecretKey.FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretKey.load("", tmp).derive("x")).isEqualTo(first);
        assertThat(SecretKey.load(null, tmp).derive("y")).isNotEqualTo(first);
    }

    @Test
    void aKeyFileOthersCouldReadIsMadeOwnerOnlyAgain() throws Exception {
        SecretKey.load(null, tmp);
        Path file = tmp.resolve(SecretKey.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SecretKey.load(null, tmp);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theEnvironmentWinsAndMustBeLongEnough() {
        byte[] fromFile = SecretKey.load(null, tmp).derive("x");
        byte[] fromEnv = SecretKey.load("an-operator-given-secret-of-32-chars-at-least", tmp).derive("x");
        assertThat(fromEnv).isNotEqualTo(fromFile);
        assertThatThrownBy(() -> SecretKey.load("short", tmp)).hasMessageContaining("QANTAR_SECRET");
    }
}

package qantar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second serving process on the same data folder is refused; the lock dies with its holder, even by kill -9. */
class DataDirLockTest {
    @TempDir
    Path tmp;

    /** Run in another JVM: holds the lock until killed. */
    public static void main(String[] args) throws Exception {
        DataDirLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void aSecondProcessIsRefusedWithOneClearLineAndTheLockDiesWithItsHolder() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DataDirLockTest.class.getName(),
                tmp.toString()).redirectErrorStream(true).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> DataDirLock.acquire(tmp)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pid " + other.pid()).hasMessageContaining("already serving from");
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (DataDirLock mine = DataDirLock.acquire(tmp)) {
            assertThat(Files.readString(tmp.resolve(DataDirLock.FILE)).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(new File(tmp.toFile(), DataDirLock.FILE)).exists();
    }
}

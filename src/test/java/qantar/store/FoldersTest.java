package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @Test
    void deletesAFolderWithEverythingInIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir.resolve("index/segments"));
        Files.writeString(dir.resolve("index/segments/_0.cfs"), "x");
        Files.writeString(dir.resolve("qantar.db"), "y");

        Folders.delete(dir);
        Folders.delete(dir); // a second time: nothing there, nothing to do

        assertThat(dir).doesNotExist();
        assertThat(tmp).exists();
    }
}

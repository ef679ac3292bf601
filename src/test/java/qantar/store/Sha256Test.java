package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void hashesUtf8AsTheStandardSays() {
        // FIPS 180-2's example; passage digests stored in the database depend on these bytes
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.of("ё")).isEqualTo(Sha256.digest().digest(new byte[] {(byte) 0xd1, (byte) 0x91}));
    }
}

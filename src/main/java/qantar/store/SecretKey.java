package qantar.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The program's secret, kept out of the database so that a copy of the SQLite file (a backup, an
 * export) cannot forge what it signs: QANTAR_SECRET when set, else {@code secret.key} in the data
 * folder, made on first use and readable by its owner only. Each use takes its own key derived
 * from it ({@link #derive}), so one purpose's key never serves another.
 */
public final class SecretKey {
    static final String FILE = "secret.key";
    private static final int MIN_SECRET_CHARS = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] secret;

    private SecretKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** QANTAR_SECRET (at least 32 characters) when given, else the key file in {@code dataDir}. */
    public static SecretKey load(String fromEnvironment, Path dataDir) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            if (fromEnvironment.strip().length() < MIN_SECRET_CHARS) {
                throw new IllegalArgumentException("QANTAR_SECRET must be at least " + MIN_SECRET_CHARS + " characters");
            }
            return new SecretKey(fromEnvironment.strip().getBytes(StandardCharsets.UTF_8));
        }
        return new SecretKey(fromFile(dataDir.resolve(FILE)));
    }

    /** The secret for the data folder of this database: QANTAR_SECRET, else its key file. */
    public static SecretKey of(Database db) {
        return load(qantar.config.Locations.setting("QANTAR_SECRET"), db.dataDir().toAbsolutePath());
    }

    /** HMAC-SHA256 of the purpose under the secret: a key for one use only. */
    public byte[] derive(String purpose) {
        return hmac(secret, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** 128 bits of HMAC-SHA256 of the text, in hex: a stand-in for an id that names nobody without the key. */
    public static String tag(byte[] key, String text) {
        return java.util.HexFormat.of().formatHex(hmac(key, text.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            tighten(file);
            byte[] hex = Files.readAllBytes(file);
            return HexFormat.of().parseHex(new String(hex, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a hex key; delete it to make a new one", e);
        }
    }

    /** Written under a temporary name with owner-only rights, then moved: never readable by others, never half written. */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix(file)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp); // another process made it first: use theirs
        }
    }

    /** A key file others can read is made owner-only again rather than trusted as is. */
    private static void tighten(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        return file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

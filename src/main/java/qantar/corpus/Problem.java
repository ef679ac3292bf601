package qantar.corpus;

/** A problem found in a corpus file; line is 1-based (0 when it concerns the whole file). */
public record Problem(String file, int line, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return where + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}

package qantar.cli;

/** A command's own failure that knows what kind it is, so the exit code says it (see {@link Errors}). */
final class Failure extends RuntimeException {
    final int exitCode;

    private Failure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The input is wrong: a corpus folder, a question set, a setting's value. */
    static Failure badInput(String message, Throwable cause) {
        return new Failure(Errors.DATA, message, cause);
    }

    /** Something the command needs is not there now: a lock held by another process, a model. */
    static Failure unavailable(String message, Throwable cause) {
        return new Failure(Errors.UNAVAILABLE, message, cause);
    }
}

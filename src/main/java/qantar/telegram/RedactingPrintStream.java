package qantar.telegram;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces a secret by "***" in everything printed, line by line: a last guard so that no library
 * log line (an error with a request URL in it) can show the bot token.
 */
public final class RedactingPrintStream extends PrintStream {
    public RedactingPrintStream(OutputStream target, String secret) {
        super(new LineFilter(target, secret), true, StandardCharsets.UTF_8);
    }

    private static final class LineFilter extends OutputStream {
        private final OutputStream target;
        private final String secret;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineFilter(OutputStream target, String secret) {
            this.target = target;
            this.secret = secret;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        /** Only whole lines leave, so a secret is never split between two writes. */
        @Override
        public synchronized void flush() throws java.io.IOException {
            target.flush();
        }

        @Override
        public synchronized void close() throws java.io.IOException {
            emit();
            target.flush();
        }

        private void emit() throws java.io.IOException {
            if (line.size() > 0) {
                String s = line.toString(StandardCharsets.UTF_8);
                if (secret != null && !secret.isEmpty()) {
                    s = s.replace(secret, "***");
                }
                target.write(s.getBytes(StandardCharsets.UTF_8));
                target.flush();
                line.reset();
            }
        }
    }
}

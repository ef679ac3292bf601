package qantar.cli;

/** The numbers the benches report, taken and rounded the one way. */
final class BenchNumbers {
    private BenchNumbers() {
    }

    /** Milliseconds since a {@link System#nanoTime()}. */
    static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    /** Two decimals, as every bench prints. */
    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The heap in use now, in MiB (after the caller's own System.gc(), if it wants one). */
    static double heapUsedMb() {
        Runtime rt = Runtime.getRuntime();
        return round((rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    }
}

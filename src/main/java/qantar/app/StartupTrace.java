package qantar.app;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dqantar.startupTrace}, prints to standard error when each phase of opening and
 * answering ended: the wall time since the JVM started and the CPU time of the whole process (the
 * steadier number on a loaded machine), so a slow start can be broken down without a profiler.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("qantar.startupTrace");

    private StartupTrace() {
    }

    /** Marks the end of a phase. */
    public static void mark(String phase) {
        if (ON) {
            long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            System.err.printf("[startup] wall %5d ms  cpu %5d ms  %s%n", wall, cpu, phase);
        }
    }
}

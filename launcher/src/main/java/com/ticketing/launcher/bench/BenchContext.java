package com.ticketing.launcher.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every part of one benchmark run shares: where the project is, the options, the run's broker
 * and JWT secret, and where progress goes.
 *
 * @param histogram whether the idle benchmark prints the gateway's class histogram ({@code HISTOGRAM=1})
 */
record BenchContext(Path home, BenchOptions options, String bootstrapServers, String jwtSecret, boolean histogram,
                    PrintStream out) {

    /** The Node side of the benchmark (reference server, load worker). */
    Path benchDir() {
        return home.resolve("bench");
    }

    /** Scratch space of one run (broker log, gateway state), wiped before and after it. */
    static Path scratchDir(Path home) {
        return home.resolve(".ticketing-data").resolve("bench").resolve("scratch");
    }

    Path scratchDir() {
        return scratchDir(home);
    }

    /** The servers' and workers' logs, kept after the run. */
    Path logDir() {
        return home.resolve(".ticketing-data").resolve("bench").resolve("logs");
    }

    /** A progress line. */
    void step(String format, Object... args) {
        out.println("» " + String.format(format, args));
    }
}

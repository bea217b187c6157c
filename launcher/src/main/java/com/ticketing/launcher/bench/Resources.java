package com.ticketing.launcher.bench;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a run started (broker, servers, load workers), so that each is stopped once, newest
 * first, whether the run ends normally, fails or is interrupted with Ctrl-C.
 */
final class Resources {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrintStream out;

    Resources(PrintStream out) {
        this.out = out;
    }

    /** Remembers a started part and answers it. */
    synchronized <T extends AutoCloseable> T add(T part) {
        started.push(part);
        return part;
    }

    /** Stops one part now (if it is still running). */
    synchronized void close(AutoCloseable part) {
        if (started.remove(part)) {
            closeQuietly(part);
        }
    }

    /** Stops every part still running, newest first. */
    synchronized void closeAll() {
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            out.println("  could not stop " + part + ": " + e.getMessage());
        }
    }
}

package com.ticketing.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code ./ticketing conformance}: runs the Socket.IO conformance server (contract section 7) in the foreground. */
final class ConformanceCommand {

    private final Path home;
    private final PrintStream out;

    ConformanceCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    int run() throws Exception {
        Path jar = home.resolve("socketio-conformance/target/socketio-conformance.jar");
        if (!Files.isRegularFile(jar)) {
            out.println(jar + " is missing: build with `mvn -B -DskipTests package` first");
            return 1;
        }
        out.println("» Starting the Socket.IO conformance server on http://localhost:3000 (Ctrl-C stops it)");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process.waitFor();
    }
}

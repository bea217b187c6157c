package com.ticketing.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server started by the launcher, keeping its cluster in the data directory so
 * messages survive a restart. It commits durably, as PostgreSQL does by default: the embedded server's
 * own default ({@code synchronous_commit=off}, for test suites) would let a crash of it lose
 * transactions already reported committed, the very messages the fault suite counts as acknowledged.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "ticketing";
    public static final String USER = "postgres";
    /** What every server gets on top of the embedded server's defaults: PostgreSQL's own durable commit. */
    public static final Map<String, String> BASE_SETTINGS = Map.of("synchronous_commit", "on");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts (or restarts, keeping its data) a server on {@code port}; 0 picks a free port. */
    public static EmbeddedPostgresServer start(Path dataDir, Path workDir, int port) throws IOException, SQLException {
        return start(dataDir, workDir, port, Map.of());
    }

    /** {@link #start(Path, Path, int)} with server settings of {@code postgresql.conf} on top. */
    public static EmbeddedPostgresServer start(Path dataDir, Path workDir, int port, Map<String, String> settings)
            throws IOException, SQLException {
        Files.createDirectories(workDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        BASE_SETTINGS.forEach(builder::setServerConfig);
        settings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDir);
        server.createDatabaseIfMissing();
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid} in the data directory. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

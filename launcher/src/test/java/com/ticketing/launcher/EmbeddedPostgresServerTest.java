package com.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void commitsDurablyTakesTheGivenSettingsAndKeepsItsDataAcrossARestart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("data"), dir.resolve("work"), 0,
                Map.of("shared_buffers", "48MB"))) {
            // The embedded server's own default is off: a crash could lose commits already reported.
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");
            assertThat(show(server, "shared_buffers")).isEqualTo("48MB");
            execute(server, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("data"), dir.resolve("work"), 0)) {
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");
            assertThat(query(server, "SELECT id FROM kept")).isEqualTo("7");
        }
    }

    private static String show(EmbeddedPostgresServer server, String setting) throws SQLException {
        return query(server, "SHOW " + setting);
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

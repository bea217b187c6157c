package com.ticketing.message.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The message store's PostgreSQL server: {@code ticketing.database.*}, set from {@code DATABASE_URL}
 * (JDBC form), {@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD}.
 *
 * @param url            {@code jdbc:postgresql://host:port/db}; Flyway uses it as is, R2DBC its derived form
 * @param poolSize             maximum connections for writes: send commands, the outbox relay, REST changes
 * @param readPoolSize         maximum connections for REST reads, a pool of their own so heavy inbox or
 *                             search calls cannot starve ingestion
 * @param connectTimeout       how long opening (or waiting for) a connection may take
 * @param statementTimeout     PostgreSQL's {@code statement_timeout} for writes
 * @param readStatementTimeout PostgreSQL's {@code statement_timeout} for REST reads
 */
@Validated
@ConfigurationProperties("ticketing.database")
public record DatabaseProperties(@NotBlank String url, @NotBlank String username, String password,
                                 @Min(1) @Max(200) int poolSize, @Min(1) @Max(200) int readPoolSize,
                                 @NotNull Duration connectTimeout, @NotNull Duration statementTimeout,
                                 @NotNull Duration readStatementTimeout) {

    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    /** The R2DBC URL of the same database: {@code r2dbc:postgresql://host:port/db}. */
    public String r2dbcUrl() {
        return toR2dbcUrl(url);
    }

    /** Derives the R2DBC URL from a JDBC URL of the {@code jdbc:postgresql://} form, keeping host, port, database and query. */
    public static String toR2dbcUrl(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("DATABASE_URL must look like jdbc:postgresql://host:port/database, was "
                    + jdbcUrl);
        }
        return "r2dbc:postgresql://" + jdbcUrl.substring(JDBC_PREFIX.length());
    }
}

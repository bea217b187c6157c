package com.ticketing.message.config;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The R2DBC side of the store, built from the one JDBC {@code DATABASE_URL} (Flyway reads the same
 * URL through {@code spring.flyway.url}), so operators configure the database once. Two pools, each
 * with PostgreSQL's own statement timeout: writes (commands, outbox relay, REST changes; the primary
 * one, with the transactions) and REST reads ({@link #READS}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** The name of the {@link DatabaseClient} over the pool of REST reads. */
    public static final String READS = "readDatabaseClient";

    @Bean(destroyMethod = "dispose")
    @Primary
    ConnectionPool connectionFactory(DatabaseProperties database) {
        return pool(database, "message-store", database.poolSize(), database.statementTimeout());
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool readConnectionFactory(DatabaseProperties database) {
        return pool(database, "message-reads", database.readPoolSize(), database.readStatementTimeout());
    }

    private static ConnectionPool pool(DatabaseProperties database, String name, int size, Duration statementTimeout) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password() == null ? "" : database.password())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, database.connectTimeout())
                // Set at connection start-up: a statement running longer is cancelled by PostgreSQL itself.
                .option(PostgresqlConnectionFactoryProvider.OPTIONS,
                        Map.of("statement_timeout", Long.toString(statementTimeout.toMillis())))
                // Results in PostgreSQL's binary format: a timestamp is then eight bytes to read, where its text
                // form went through a DateTimeFormatter, a tenth of the CPU of an inbox read (four per message).
                .option(PostgresqlConnectionFactoryProvider.FORCE_BINARY, true)
                .build();
        ConnectionFactory postgres = ConnectionFactories.get(options);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(postgres)
                .maxSize(size)
                .initialSize(Math.min(2, size))
                .maxAcquireTime(database.connectTimeout())
                .name(name)
                .build());
    }

    @Bean
    @Primary
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean(READS)
    DatabaseClient readDatabaseClient(@Qualifier("readConnectionFactory") ConnectionFactory reads) {
        return DatabaseClient.create(reads);
    }

    @Bean
    ReactiveTransactionManager transactionManager(@Qualifier("connectionFactory") ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}

package com.ticketing.message.config;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The R2DBC side of the store, built from the one JDBC {@code DATABASE_URL} (Flyway reads the same
 * URL through {@code spring.flyway.url}), so operators configure the database once.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseProperties database) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password() == null ? "" : database.password())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, database.connectTimeout())
                .build();
        ConnectionFactory postgres = ConnectionFactories.get(options);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(postgres)
                .maxSize(database.poolSize())
                .initialSize(Math.min(2, database.poolSize()))
                .maxAcquireTime(database.connectTimeout())
                .name("message-store")
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}

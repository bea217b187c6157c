package com.ticketing.message.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.message.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;

/** REST reads and writes use pools of their own, each under PostgreSQL's statement timeout. */
class DatabasePoolsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    DatabaseClient writes;

    @Autowired
    @Qualifier(DatabaseConfiguration.READS)
    DatabaseClient reads;

    @Test
    void readsAndWritesRunOnTheirOwnPoolsUnderTheirOwnStatementTimeouts() {
        assertThat(statementTimeout(reads)).isEqualTo("3s");
        assertThat(statementTimeout(writes)).isEqualTo("10s");
    }

    @Test
    void aReadThatRunsTooLongIsCancelledByPostgres() {
        assertThat(reads.sql("SELECT pg_sleep(4)").fetch().rowsUpdated().onErrorReturn(-1L).block()).isEqualTo(-1L);
    }

    private static String statementTimeout(DatabaseClient db) {
        return db.sql("SHOW statement_timeout").map((row, meta) -> row.get(0, String.class)).one().block();
    }
}

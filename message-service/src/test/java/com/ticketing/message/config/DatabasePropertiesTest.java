package com.ticketing.message.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasePropertiesTest {

    @Test
    void r2dbcUrlKeepsHostPortDatabaseAndQueryOfTheJdbcUrl() {
        assertThat(DatabaseProperties.toR2dbcUrl("jdbc:postgresql://db.internal:6543/messages?sslmode=require"))
                .isEqualTo("r2dbc:postgresql://db.internal:6543/messages?sslmode=require");
        assertThat(DatabaseProperties.toR2dbcUrl("jdbc:postgresql://localhost/ticketing"))
                .isEqualTo("r2dbc:postgresql://localhost/ticketing");
    }

    @Test
    void anythingButAPostgresJdbcUrlIsRefusedWithAHint() {
        assertThatThrownBy(() -> DatabaseProperties.toR2dbcUrl("r2dbc:postgresql://localhost/db"))
                .hasMessageContaining("jdbc:postgresql://host:port/database");
        assertThatThrownBy(() -> DatabaseProperties.toR2dbcUrl("jdbc:mysql://localhost/db"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

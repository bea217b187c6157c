package com.ticketing.message.messaging;

import com.ticketing.auth.web.ApiRefusal;
import com.ticketing.auth.web.ErrorCode;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * PostgreSQL cannot be reached or is too busy right now: worth retrying later, never a refusal of the
 * request itself. REST answers it with 503 {@code UNAVAILABLE}; the command consumer lets the command
 * wait in Kafka and retries it.
 */
public class StoreUnavailableException extends RuntimeException implements ApiRefusal {

    StoreUnavailableException(Throwable cause) {
        super("The message store is unavailable; retry later", cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.UNAVAILABLE;
    }

    /** Whether {@code failure} says the store is out of reach (connection refused or lost, timeouts, pool exhausted). */
    static boolean isUnavailability(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessException
                || failure instanceof R2dbcTransientException
                || failure instanceof R2dbcNonTransientResourceException;
    }
}

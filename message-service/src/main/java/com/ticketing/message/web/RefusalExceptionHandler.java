package com.ticketing.message.web;

import com.ticketing.auth.web.ApiErrorWriter;
import com.ticketing.auth.web.ApiException;
import com.ticketing.auth.web.ErrorCode;
import com.ticketing.message.messaging.MessageRefusedException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers the message rules' refusals in the contract's error shape (VALIDATION 400, FORBIDDEN 403,
 * NOT_FOUND 404, CONFLICT 409); everything else goes on to the shared API error handler.
 */
@Component
@Order(-3)
public class RefusalExceptionHandler implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof MessageRefusedException refused) {
            return ApiErrorWriter.write(exchange.getResponse(), toApiException(refused));
        }
        return Mono.error(failure);
    }

    static ApiException toApiException(MessageRefusedException refused) {
        ErrorCode code = switch (refused.refusal()) {
            case VALIDATION -> ErrorCode.VALIDATION;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case CONFLICT -> ErrorCode.CONFLICT;
        };
        return new ApiException(code, refused.getMessage());
    }
}

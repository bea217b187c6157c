package com.ticketing.auth.web;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.JwtValidator;
import com.ticketing.auth.TokenCheck;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates every request under the API path with its {@code Authorization: Bearer} token and
 * makes the {@link AuthenticatedUser} available to handlers; a refused token is answered 401 with
 * the contract's message, before any handler runs. CORS preflight requests pass untouched.
 */
public class BearerAuthenticationWebFilter implements WebFilter {

    /** Exchange attribute holding the {@link AuthenticatedUser}. */
    public static final String USER_ATTRIBUTE = AuthenticatedUser.class.getName();


    private final JwtValidator validator;
    /** Matched like the routes match: decoded segments, matrix parameters ignored ({@code /%61pi} is {@code /api}). */
    private final PathPattern apiPaths;

    public BearerAuthenticationWebFilter(JwtValidator validator, String apiPathPattern) {
        this.validator = validator;
        this.apiPaths = PathPatternParser.defaultInstance.parse(apiPathPattern);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!requiresAuthentication(exchange)) {
            return chain.filter(exchange);
        }
        TokenCheck check = validator.checkAuthorizationHeader(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (check instanceof TokenCheck.Valid valid) {
            exchange.getAttributes().put(USER_ATTRIBUTE, valid.user());
            return chain.filter(exchange);
        }
        TokenCheck.Refused refused = (TokenCheck.Refused) check;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return ApiErrorWriter.write(exchange.getResponse(),
                new ApiException(ErrorCode.UNAUTHORIZED, refused.failure().clientMessage()));
    }

    private boolean requiresAuthentication(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() != HttpMethod.OPTIONS
                && apiPaths.matches(exchange.getRequest().getPath().pathWithinApplication());
    }

    /** The authenticated caller of an exchange that passed this filter. */
    public static AuthenticatedUser userOf(ServerWebExchange exchange) {
        AuthenticatedUser user = exchange.getAttribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Authentication required");
        }
        return user;
    }
}

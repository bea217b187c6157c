package com.ticketing.gateway.routing;

import com.ticketing.auth.web.ApiErrorWriter;
import com.ticketing.auth.web.ApiException;
import com.ticketing.auth.web.ErrorCode;
import com.ticketing.gateway.config.RoutesProperties;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Forwards a REST request to the service that owns its path and streams the answer back unchanged,
 * so clients only ever talk to the gateway. A service that is down or too slow is answered 503 in
 * the contract's error shape.
 */
@Component
public class ServiceProxy {

    /** Request headers passed on; everything else (cookies, hop-by-hop headers) stays at the edge. */
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, "X-Request-Id");
    private static final List<String> FORWARDED_RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.CACHE_CONTROL);

    private final WebClient client;
    private final RoutesProperties routes;

    public ServiceProxy(RoutesProperties routes) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) routes.connectTimeout().toMillis())
                .responseTimeout(routes.responseTimeout());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.routes = routes;
    }

    /** Forwards the exchange to {@code service} (a base URI) and writes its answer. */
    public Mono<Void> forward(ServerWebExchange exchange, URI service, String serviceName) {
        var request = exchange.getRequest();
        URI target = URI.create(service.toString().replaceAll("/$", "") + request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery()));
        var response = exchange.getResponse();
        return client.method(request.getMethod()).uri(target)
                .headers(headers -> FORWARDED_REQUEST_HEADERS.forEach(name -> {
                    List<String> values = request.getHeaders().get(name);
                    if (values != null) {
                        headers.put(name, values);
                    }
                }))
                .body(BodyInserters.fromDataBuffers(request.getBody()))
                .exchangeToMono(answer -> {
                    response.setStatusCode(answer.statusCode());
                    FORWARDED_RESPONSE_HEADERS.forEach(name -> {
                        List<String> values = answer.headers().asHttpHeaders().get(name);
                        if (values != null) {
                            response.getHeaders().put(name, values);
                        }
                    });
                    return response.writeWith(answer.bodyToFlux(DataBuffer.class));
                })
                .timeout(routes.responseTimeout())
                .onErrorResume(failure -> isUnreachable(failure), failure -> ApiErrorWriter.write(response,
                        new ApiException(ErrorCode.UNAVAILABLE, serviceName + " is unavailable, retry shortly")));
    }

    private static boolean isUnreachable(Throwable failure) {
        return failure instanceof WebClientRequestException || failure instanceof TimeoutException
                || failure.getCause() instanceof TimeoutException;
    }

    public RoutesProperties routes() {
        return routes;
    }
}

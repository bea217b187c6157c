package com.ticketing.gateway.demo;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.auth.web.ApiErrorBody;
import com.ticketing.auth.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /demo/**}: lets the demo page sign in as one of the demo users. Exists only when
 * {@code ticketing.demo.enabled=true}; otherwise the paths answer 404 and the page asks for a pasted token.
 */
@RestController
@RequestMapping("/demo")
@ConditionalOnProperty(name = "ticketing.demo.enabled", havingValue = "true")
@SecurityRequirements // no bearer token: this is where the page gets one
@Tag(name = "Demo", description = "Present only when the gateway runs with TICKETING_DEMO_ENABLED=true")
public class DemoTokenController {

    private static final Logger log = LoggerFactory.getLogger(DemoTokenController.class);

    private final DemoProperties demo;
    private final JwtIssuer issuer;
    private final Clock clock;

    @Autowired
    public DemoTokenController(DemoProperties demo, JwtSettings jwt) {
        this(demo, jwt, Clock.systemUTC());
    }

    DemoTokenController(DemoProperties demo, JwtSettings jwt, Clock clock) {
        if (jwt.usesRsa() || jwt.secret() == null) {
            throw new IllegalStateException("ticketing.demo.enabled needs TICKETING_JWT_SECRET (HS256): "
                    + "the gateway cannot mint tokens that RS256 validation would accept");
        }
        this.demo = demo;
        this.issuer = new JwtIssuer(jwt, clock);
        this.clock = clock;
        log.warn("Demo mode is ON: GET /demo/token mints tokens for {} to anyone who asks. Never enable it in production.",
                demo.users());
    }

    /** The demo users the page offers as buttons. */
    public record DemoUsers(List<String> users) {
    }

    /** A freshly minted token for a demo user. */
    public record DemoToken(String userId, String token, Instant expiresAt) {
    }

    @GetMapping("/users")
    @Operation(summary = "The demo users a token can be minted for")
    public DemoUsers users() {
        return new DemoUsers(demo.users());
    }

    @GetMapping("/token")
    @Operation(summary = "Mint a token for a demo user (demo mode only)")
    @ApiResponse(responseCode = "200", description = "A token valid for ticketing.demo.token-ttl",
            content = @Content(schema = @Schema(implementation = DemoToken.class)))
    @ApiResponse(responseCode = "400", description = "Not a demo user (VALIDATION)",
            content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public ResponseEntity<?> token(@Parameter(example = "alice") @RequestParam(required = false) String user) {
        if (user == null || !demo.users().contains(user)) {
            return ResponseEntity.badRequest().body(ApiErrorBody.of(ErrorCode.VALIDATION,
                    "user must be one of the demo users " + demo.users()));
        }
        Instant expiresAt = clock.instant().plus(demo.tokenTtl());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new DemoToken(user, issuer.issue(user, false, demo.tokenTtl()), expiresAt));
    }
}

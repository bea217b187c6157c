package com.ticketing.gateway.block;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready (UP) once the block directory has caught up, OUT_OF_SERVICE while it reads the blocks made before
 * this instance started (a blocked user's typing would get through), DOWN when it cannot read.
 */
@Component("blocks")
public class BlockDirectoryHealthIndicator implements HealthIndicator {

    private final BlockDirectory directory;

    public BlockDirectoryHealthIndicator(BlockDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Health health() {
        Health.Builder health = !directory.isHealthy() ? Health.down()
                : directory.isCaughtUp() ? Health.up() : Health.outOfService();
        return health.withDetail("caughtUp", directory.isCaughtUp())
                .withDetail("blocksInForce", directory.size())
                .build();
    }
}

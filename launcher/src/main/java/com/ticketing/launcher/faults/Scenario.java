package com.ticketing.launcher.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One fault of {@code ./ticketing faults}: what it does to the stack while the load runs ({@link #inject},
 * which returns once the part is back, or once it has been away as long as the scenario says), and what it
 * puts back afterwards so the next scenario starts on a whole stack.
 */
enum Scenario {

    /** The control: the same load and windows with nothing broken, so a pause can be told from the load's own. */
    NO_FAULT("no-fault", "break nothing: the load alone, for as long as an outage lasts") {
        @Override
        String inject(FaultStack stack, Pace pace) throws Exception {
            Thread.sleep(pace.outage().toMillis());
            return "nothing broken for " + pace.outage().toSeconds() + " s";
        }
    },

    BROKER_LEADER_KILL("broker-leader-kill", "kill -9 the broker leading the most partitions, restart it later") {
        @Override
        String inject(FaultStack stack, Pace pace) throws Exception {
            KafkaCluster kafka = stack.kafka();
            int leader = kafka.leaderOfMostPartitions(stack.admin(), TOPICS);
            long pid = kafka.pid(leader);
            kafka.kill(leader);
            Thread.sleep(pace.outage().toMillis());
            kafka.restart(leader);
            return "kill -9 broker " + leader + " (pid " + pid + "), restarted after " + pace.outage().toSeconds() + " s";
        }
    },

    BROKER_PARTITION("broker-partition", "cut the broker leading the most partitions off the network, then let it back") {
        @Override
        String inject(FaultStack stack, Pace pace) throws Exception {
            KafkaCluster kafka = stack.kafka();
            int leader = kafka.leaderOfMostPartitions(stack.admin(), TOPICS);
            kafka.isolate(leader);
            Thread.sleep(pace.outage().toMillis());
            kafka.heal(leader);
            kafka.awaitWhole();
            return "broker " + leader + " cut off from clients, brokers and the quorum for " + pace.outage().toSeconds()
                    + " s, then let back";
        }
    },

    GATEWAY_CRASH("gateway-crash", "kill -9 one gateway; its balancer sends its clients to the other, where they resume") {
        @Override
        String inject(FaultStack stack, Pace pace) throws Exception {
            String victim = FaultStack.GATEWAYS.get(0);
            long pid = stack.pid(victim);
            stack.kill(victim);
            stack.balancer(0).route(stack.port(FaultStack.GATEWAYS.get(1)));
            return "kill -9 " + victim + " (pid " + pid + "), its balancer sends its clients to " + FaultStack.GATEWAYS.get(1);
        }

        @Override
        Set<String> liveGateways() {
            return Set.of(FaultStack.GATEWAYS.get(1));
        }

        @Override
        void restore(FaultStack stack) throws Exception {
            String victim = FaultStack.GATEWAYS.get(0);
            stack.startService(victim);
            stack.balancer(0).route(stack.port(victim));
        }
    },

    MESSAGE_SERVICE_CRASH("message-service-crash", "kill -9 message-service in the middle of sends, restart it") {
        @Override
        String inject(FaultStack stack, Pace pace) throws Exception {
            return killAndRestart(stack, "message-service");
        }
    },

    LISTING_SERVICE_CRASH("listing-service-crash", "kill -9 listing-events-service under load, restart it") {
        @Override
        String inject(FaultStack stack, Pace pace) throws Exception {
            return killAndRestart(stack, "listing-events-service");
        }
    },

    DATABASE_OUTAGE("database-outage", "stop PostgreSQL under sends, start it again") {
        @Override
        String inject(FaultStack stack, Pace pace) throws Exception {
            stack.stopPostgres();
            Thread.sleep(pace.outage().toMillis());
            stack.startPostgres();
            return "PostgreSQL stopped for " + pace.outage().toSeconds() + " s";
        }
    };

    private static final List<String> TOPICS = com.ticketing.events.topic.Topics.ALL.stream()
            .map(com.ticketing.events.topic.Topic::name).toList();

    private final String label;
    private final String description;

    Scenario(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    /** Does the harm (and, where the scenario says so, undoes it); answers what it did, for the table. */
    abstract String inject(FaultStack stack, Pace pace) throws Exception;

    /** Whether the scenario needs a cluster reached through proxies (to cut a broker off). */
    boolean needsProxies() {
        return this == BROKER_PARTITION;
    }

    /** The gateways running once the fault is in. */
    Set<String> liveGateways() {
        return Set.copyOf(FaultStack.GATEWAYS);
    }

    /** Puts back what the fault left out, once the load is over. */
    void restore(FaultStack stack) throws Exception {
    }

    static Optional<Scenario> named(String label) {
        return Arrays.stream(values()).filter(scenario -> scenario.label.equals(label)).findFirst();
    }

    private static String killAndRestart(FaultStack stack, String service) throws Exception {
        long pid = stack.pid(service);
        long killed = System.nanoTime();
        stack.kill(service);
        stack.startService(service);
        return String.format("kill -9 %s (pid %d), restarted, ready again after %.1f s", service, pid,
                (System.nanoTime() - killed) / 1e9);
    }
}

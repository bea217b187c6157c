package com.ticketing.launcher;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.kafka.ServiceAcls;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;

/**
 * {@code ./ticketing kafka-acls}: the ACLs of every service principal on a secured cluster
 * ({@link ServiceAcls}), printed as {@code kafka-acls.sh} commands, or created at once with {@code --apply}
 * by an admin principal configured with the same {@code KAFKA_*} variables as the services.
 */
final class KafkaAclsCommand {

    static final String USAGE = """
            usage: ./ticketing kafka-acls [--gateway PRINCIPAL] [--message-service PRINCIPAL]
                                          [--listing-events-service PRINCIPAL] [--marketplace PRINCIPAL] [--apply]
              principals default to User:ticketing-gateway, User:ticketing-message-service,
              User:ticketing-listing-events-service and User:marketplace""";

    private final Map<String, String> environment;
    private final PrintStream out;

    KafkaAclsCommand(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    int run(List<String> args) throws Exception {
        if (args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        List<AclBinding> acls = new ArrayList<>();
        acls.addAll(ServiceAcls.gateway(option(args, "--gateway", "User:ticketing-gateway")));
        acls.addAll(ServiceAcls.messageService(option(args, "--message-service", "User:ticketing-message-service"),
                LocalDefaults.env(environment, "TICKETING_COMMANDS_GROUP_ID", "message-service")));
        acls.addAll(ServiceAcls.listingEventsService(
                option(args, "--listing-events-service", "User:ticketing-listing-events-service"),
                LocalDefaults.env(environment, "TICKETING_STREAMS_APPLICATION_ID", "listing-events-service")));
        acls.addAll(ServiceAcls.marketplacePublisher(option(args, "--marketplace", "User:marketplace")));
        String bootstrap = LocalDefaults.env(environment, "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + LocalDefaults.KAFKA_PORT);
        if (!args.contains("--apply")) {
            acls.forEach(acl -> out.println(command(acl, bootstrap)));
            return 0;
        }
        try (Admin admin = Admin.create(KafkaSecurity.fromEnvironment(environment)
                .with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
        out.println("created " + acls.size() + " ACLs on " + bootstrap);
        return 0;
    }

    /** The {@code kafka-acls.sh} line that creates {@code acl}. */
    static String command(AclBinding acl, String bootstrap) {
        var pattern = acl.pattern();
        String resource = switch (pattern.resourceType()) {
            case TOPIC -> "--topic";
            case GROUP -> "--group";
            case TRANSACTIONAL_ID -> "--transactional-id";
            case CLUSTER -> "--cluster";
            default -> throw new IllegalArgumentException("unexpected resource " + pattern.resourceType());
        };
        return "kafka-acls.sh --bootstrap-server " + bootstrap + " --command-config admin.properties --add"
                + " --allow-principal " + acl.entry().principal()
                + " --operation " + camel(acl.entry().operation().name())
                + " " + resource + " " + pattern.name()
                + (pattern.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "");
    }

    private static String camel(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String option(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }
}

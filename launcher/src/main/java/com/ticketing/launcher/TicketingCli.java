package com.ticketing.launcher;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.auth.JwtIssuer;
import com.ticketing.launcher.bench.BenchCommand;
import com.ticketing.launcher.faults.FaultsCommand;
import com.ticketing.launcher.simulate.SimulateCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code ./ticketing} command line (contract section 2). */
public final class TicketingCli {

    private static final String USAGE = """
            usage: ./ticketing <command> [options]

              local [--gateways N] [--fresh]   run the whole stack (embedded Kafka and PostgreSQL unless
                                               KAFKA_BOOTSTRAP_SERVERS / DATABASE_URL are set)
              token USER [--admin] [--ttl SECONDS]
                                               print a JWT for USER signed with the configured secret
              publish FILE.json                publish CloudEvents (JSON lines) to their topics
              conformance                      run the Socket.IO conformance server on port 3000
              simulate [--rate N] [--listings N] [--duration S] [--seed N]
                                               publish a realistic stream of listing and transaction
                                               events (default 20/s, 300 listings, until Ctrl-C)
              bench fanout|idle|recovery [options]
                                               the gateway and a reference Node socket.io server side by
                                               side: fan-out latency, loss, CPU; idle memory; a reconnect
                                               storm (bench --help)
              kafka-acls [--apply] [...]       the ACLs each service principal needs on a secured cluster,
                                               as kafka-acls.sh commands (kafka-acls --help)
              faults [SCENARIO...] [--short]   the fault suite: 3 Kafka brokers, PostgreSQL and the services as
                                               processes under load; kills one part per scenario and prints
                                               what was lost, duplicated, and how long it took (faults --help)
              kafka-node FILE CLUSTER_ID       one Kafka KRaft node from a properties file, until stopped
                                               (what the fault suite runs each broker with)
            """;

    private TicketingCli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out));
    }

    /** Runs one command with an explicit environment and output (the tests use this). */
    public static int run(String[] args, Map<String, String> environment, PrintStream out) throws Exception {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "local" -> new LocalStack(LocalStack.home(), environment, out)
                    .run(intOption(rest, "--gateways", 1), rest.contains("--fresh"));
            case "token" -> token(rest, environment, out);
            case "publish" -> publish(rest, environment, out);
            case "conformance" -> new ConformanceCommand(LocalStack.home(), out).run();
            case "bench" -> BenchCommand.run(rest, LocalStack.home(), LocalDefaults.jwtSettings(environment).secret(),
                    environment, out);
            case "kafka-acls" -> new KafkaAclsCommand(environment, out).run(rest);
            case "faults" -> new FaultsCommand(LocalStack.home(), LocalStack.home().resolve(".ticketing-data/faults"),
                    new JwtIssuer(LocalDefaults.jwtSettings(environment)),
                    LocalDefaults.jwtSettings(environment).secret(), LocalStack.serviceJvmOptions(environment), out).run(rest);
            case "kafka-node" -> kafkaNode(rest, out);
            case "simulate" -> SimulateCommand.run(rest, LocalDefaults.env(environment, "KAFKA_BOOTSTRAP_SERVERS",
                    "localhost:" + LocalDefaults.KAFKA_PORT), KafkaSecurity.fromEnvironment(environment), out);
            default -> {
                out.println("unknown command: " + args[0]);
                out.print(USAGE);
                yield 2;
            }
        };
    }

    private static int kafkaNode(List<String> args, PrintStream out) throws Exception {
        if (args.size() != 2) {
            out.println("usage: ./ticketing kafka-node FILE CLUSTER_ID");
            return 2;
        }
        EmbeddedKafka node = EmbeddedKafka.startNode(Path.of(args.get(0)), args.get(1));
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kafka-node-shutdown"));
        node.awaitShutdown();
        return 0;
    }

    private static int token(List<String> args, Map<String, String> environment, PrintStream out) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            out.println("usage: ./ticketing token USER [--admin] [--ttl SECONDS]");
            return 2;
        }
        Duration ttl = Duration.ofSeconds(intOption(args, "--ttl", 3600));
        out.println(new JwtIssuer(LocalDefaults.jwtSettings(environment)).issue(args.get(0), args.contains("--admin"), ttl));
        return 0;
    }

    private static int publish(List<String> args, Map<String, String> environment, PrintStream out) throws Exception {
        if (args.size() != 1) {
            out.println("usage: ./ticketing publish FILE.json");
            return 2;
        }
        String bootstrap = LocalDefaults.env(environment, "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + LocalDefaults.KAFKA_PORT);
        return new PublishCommand(out).run(Path.of(args.get(0)), bootstrap, KafkaSecurity.fromEnvironment(environment));
    }

    /** The number after {@code name} in {@code args}, or {@code fallback} when the option is absent. */
    public static int intOption(List<String> args, String name, int fallback) {
        int index = args.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        return Integer.parseInt(args.get(index + 1));
    }
}

package com.ticketing.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml only sets environment variables the services actually read: the {@code ${NAME}}
 * placeholders of their {@code application*.yml}, plus a few standard JVM/Spring ones allowed here by
 * name. A typo (or a variable a service stopped reading) would otherwise be ignored without a word.
 */
class ComposeEnvironmentTest {

    /** Read by the JVM or Spring Boot itself, not through a placeholder. */
    private static final Set<String> STANDARD = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "SPRING_PROFILES_ACTIVE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The services built from this repository, by compose name, with the build arguments of the Dockerfile. */
    private static Map<String, Map<String, Object>> buildArguments() throws IOException {
        Map<String, Map<String, Object>> arguments = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) args;
                arguments.put(name, typed);
            }
        });
        return arguments;
    }

    /** The services built from this repository, by compose name, with the module their image runs. */
    private static Map<String, String> builtServices() throws IOException {
        Map<String, String> modules = new LinkedHashMap<>();
        buildArguments().forEach((name, args) -> modules.put(name, (String) args.get("SERVICE")));
        return modules;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> environmentOf(Map<String, Object> service) {
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            return new TreeSet<>((Set<String>) map.keySet());
        }
        Set<String> names = new TreeSet<>();
        if (environment instanceof List<?> list) {
            list.forEach(entry -> names.add(entry.toString().split("=", 2)[0]));
        }
        return names;
    }

    /** Every {@code ${NAME} placeholder in a module's application*.yml / .properties. */
    private static Set<String> placeholdersOf(String module) throws IOException {
        Path resources = ROOT.resolve(module).resolve("src/main/resources");
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(resources)) {
            return names;
        }
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.(ya?ml|properties)")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void everyVariableComposeSetsIsOneTheServiceReads() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> built = builtServices();
        assertThat(built.values()).contains("gateway-service", "message-service", "listing-events-service");
        for (var entry : built.entrySet()) {
            Set<String> read = new TreeSet<>(placeholdersOf(entry.getValue()));
            read.addAll(STANDARD);
            assertThat(placeholdersOf(entry.getValue())).as("%s has application.yml placeholders", entry.getValue())
                    .isNotEmpty();
            assertThat(environmentOf(services.get(entry.getKey())))
                    .as("variables compose sets on %s that %s never reads", entry.getKey(), entry.getValue())
                    .isSubsetOf(read);
        }
    }

    @Test
    void everyServiceIsToldWhereKafkaAndTheJwtSecretAre() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : builtServices().keySet()) {
            assertThat(environmentOf(services.get(name))).as(name)
                    .contains("KAFKA_BOOTSTRAP_SERVERS", "TICKETING_JWT_SECRET");
        }
    }

    @Test
    void theDockerfileBuildsTheNamedModuleAndRunsItAsANonRootUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("-pl \"${SERVICE}\" -am -DskipTests package")
                .contains("FROM eclipse-temurin:17-jre")
                .containsPattern("(?m)^USER (?!root)\\w+")
                .containsPattern("(?s)HEALTHCHECK .*?/actuator/health");
    }

    @Test
    void everyBuiltServiceNamesItsModuleItsPortVariableAndThatVariablesDefault() throws IOException {
        for (var entry : buildArguments().entrySet()) {
            String module = (String) entry.getValue().get("SERVICE");
            String portVariable = (String) entry.getValue().get("PORT_VARIABLE");
            String defaultPort = String.valueOf(entry.getValue().get("DEFAULT_PORT"));
            assertThat(ROOT.resolve(module).resolve("pom.xml")).as(entry.getKey()).isRegularFile();
            // The health check asks the port the service listens on: its variable, else this default.
            assertThat(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")))
                    .as("%s reads its port from %s with default %s", module, portVariable, defaultPort)
                    .contains("port: ${" + portVariable + ":" + defaultPort + "}");
        }
    }
}

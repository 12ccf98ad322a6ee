package io.parley.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Parley's services configure, read from the repository as the services read it: each service module's
 * {@code application.properties} over the {@code META-INF/microprofile-config.properties} of the common modules it
 * depends on, without profiles ({@code %dev.}, {@code %test.}), and, in a deployment, the environment variables that
 * MicroProfile Config maps onto a property ({@code parley.outbox.max-record-size} as
 * {@code PARLEY_OUTBOX_MAX_RECORD_SIZE}).
 */
public final class ServiceConfiguration {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(parley-common-[a-z-]+)</artifactId>");
    private static final Pattern CHANNEL_TOPIC = Pattern
            .compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");
    /** A Quarkus build setting the root POM states as a property: {@code <quarkus.jib.user>185</quarkus.jib.user>}. */
    private static final Pattern BUILD_SETTING = Pattern.compile("<(quarkus\\.[^>\\s]+)>([^<]*)</\\1>");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    /** A Kafka channel of a service: where it reads or writes, and in which consumer group. */
    public record Channel(String service, String name, boolean incoming, String topic, Optional<String> groupId) {
    }

    /** A service module: its properties with their defaults, and the common modules it is built with. */
    private record Service(Properties properties, Set<String> commonModules) {
    }

    /** By application name ({@code quarkus.application.name}). */
    private final Map<String, Service> services;

    private ServiceConfiguration(Map<String, Service> services) {
        this.services = services;
    }

    /**
     * The services of the repository: the modules of the root POM with an {@code application.properties}, each with
     * the Quarkus build settings the root POM states (the container image's), the defaults of the common modules it
     * is built with, then its own properties.
     */
    public static ServiceConfiguration of(Path repository) {
        Properties build = new Properties();
        Matcher settings = BUILD_SETTING.matcher(read(repository.resolve("pom.xml")));
        while (settings.find()) {
            build.setProperty(settings.group(1), settings.group(2).trim());
        }
        Map<String, Properties> commonDefaults = new LinkedHashMap<>();
        for (String module : modules(repository.resolve("common"))) {
            Path dir = repository.resolve("common").resolve(module);
            artifactOf(dir).ifPresent(artifact -> commonDefaults.put(artifact,
                    load(dir.resolve("src/main/resources/META-INF/microprofile-config.properties"))));
        }
        Map<String, Service> services = new LinkedHashMap<>();
        for (String module : modules(repository)) {
            Path properties = repository.resolve(module).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(properties)) {
                continue;
            }
            Properties merged = new Properties();
            merged.putAll(build);
            Set<String> commonModules = new LinkedHashSet<>();
            Matcher dependencies = ARTIFACT.matcher(read(repository.resolve(module).resolve("pom.xml")));
            while (dependencies.find()) {
                commonModules.add(dependencies.group(1));
                merged.putAll(commonDefaults.getOrDefault(dependencies.group(1), new Properties()));
            }
            merged.putAll(load(properties));
            services.put(merged.getProperty("quarkus.application.name", module), new Service(merged, commonModules));
        }
        return new ServiceConfiguration(services);
    }

    /** The application names of the services, e.g. {@code gateway}, {@code call-service}. */
    public List<String> services() {
        return List.copyOf(services.keySet());
    }

    /** A service's property, expressions resolved, without the deployment's environment. */
    public Optional<String> property(String service, String key) {
        Properties properties = properties(service);
        return Optional.ofNullable(properties.getProperty(key)).map(value -> resolve(properties, value));
    }

    /**
     * A service's setting as it runs in a deployment: the environment variable MicroProfile Config maps onto the
     * property, else the property, else the default its configuration class declares.
     */
    public String setting(String service, String key, String defaultValue, Map<String, String> environment) {
        String variable = environmentName(key);
        if (environment.containsKey(variable)) {
            return environment.get(variable);
        }
        return property(service, key).orElse(defaultValue);
    }

    /** A service's properties under a prefix, by the rest of their names, expressions resolved. */
    public Map<String, String> propertiesUnder(String service, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        properties(service).stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).sorted()
                .forEach(key -> found.put(key.substring(prefix.length()), property(service, key).orElseThrow()));
        return found;
    }

    /** Every Kafka channel of a service that names its topic. */
    public List<Channel> channels(String service) {
        Properties properties = properties(service);
        List<Channel> channels = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = CHANNEL_TOPIC.matcher(key);
            if (channel.matches()) {
                String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
                channels.add(new Channel(service, channel.group(2), channel.group(1).equals("incoming"),
                        resolve(properties, properties.getProperty(key)), property(service, prefix + "group.id")));
            }
        }
        return channels;
    }

    /** Whether a service is built with a common module, e.g. {@code parley-common-events}. */
    public boolean uses(String service, String commonArtifact) {
        return service(service).commonModules().contains(commonArtifact);
    }

    /** MicroProfile Config's environment variable for a property: {@code a.b-c} is {@code A_B_C}. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private Properties properties(String service) {
        return service(service).properties();
    }

    private Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + " in the repository; there are "
                    + services.keySet());
        }
        return service;
    }

    private static String resolve(Properties properties, String value) {
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            String replacement = properties.getProperty(expression.group(1), expression.group(2));
            expression.appendReplacement(resolved,
                    Matcher.quoteReplacement(replacement == null ? expression.group() : replacement));
        }
        return expression.appendTail(resolved).toString();
    }

    private static List<String> modules(Path dir) {
        Matcher modules = MODULE.matcher(read(dir.resolve("pom.xml")));
        List<String> names = new ArrayList<>();
        while (modules.find()) {
            names.add(modules.group(1).trim());
        }
        return names;
    }

    private static Optional<String> artifactOf(Path module) {
        try (Stream<String> lines = Files.lines(module.resolve("pom.xml"))) {
            return lines.map(ARTIFACT::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + module.resolve("pom.xml"), e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Could not read " + file, e);
            }
        }
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("%")).forEach(properties::remove);
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + file, e);
        }
    }
}

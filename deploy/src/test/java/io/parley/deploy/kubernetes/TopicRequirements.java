package io.parley.deploy.kubernetes;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.events.CallEvents;
import io.parley.common.events.inbox.DeadLetters;
import io.parley.common.events.inbox.ProcessedEventRetention;
import io.parley.common.events.outbox.OutboxConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Kafka topics Parley's services use and what each needs of its topic, collected where the services define them:
 * the channels of their configuration ({@code mp.messaging.*.topic}), the {@code TOPIC} of each event contract in
 * common/events, the dead-letter topics of docs/events.md ("Dead letters"), the retention and cleanup policy that
 * docs/events.md gives a topic, the outbox's largest record ({@link OutboxConfig#maxRecordSize()}) and the consumers'
 * deduplication window ({@link ProcessedEventRetention}).
 */
public final class TopicRequirements {

    private static final Pattern SECTION = Pattern.compile("(?m)^## `([a-z.]+)`");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String DEAD_LETTERS_HEADER = "| Consumer | Reads | Sets aside on |";

    private final ServiceConfiguration services;
    private final String eventsDocument;

    private TopicRequirements(ServiceConfiguration services, String eventsDocument) {
        this.services = services;
        this.eventsDocument = eventsDocument;
    }

    public static TopicRequirements of(Path repository, ServiceConfiguration services) {
        try {
            return new TopicRequirements(services, Files.readString(repository.resolve("docs/events.md")));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read docs/events.md", e);
        }
    }

    /** Every topic a service reads, writes or sets records aside on. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String service : services.services()) {
            services.channels(service).forEach(channel -> topics.add(channel.topic()));
        }
        topics.addAll(eventContractTopics());
        topics.addAll(deadLetterTopics());
        return topics;
    }

    /** The topics docs/events.md says to create with unlimited retention ({@code retention.ms=-1}). */
    public Set<String> unlimitedRetention() {
        return topicsWhoseSectionSays("retention.ms=-1");
    }

    /** The topics docs/events.md says are compacted ({@code cleanup.policy=compact}); directory-service sees to it. */
    public Set<String> compacted() {
        return topicsWhoseSectionSays("cleanup.policy=compact");
    }

    /** The largest record a service's outbox sends, in bytes, in a deployment with this environment. */
    public long maxRecordSize(String service, Map<String, String> environment) {
        String key = OutboxConfig.class.getAnnotation(ConfigMapping.class).prefix() + ".max-record-size";
        String defaultValue = defaultOf(OutboxConfig.class, "maxRecordSize");
        return new MemorySizeConverter().convert(services.setting(service, key, defaultValue, environment))
                .asLongValue();
    }

    /** How long a service's consumers remember applied events, in a deployment with this environment. */
    public Duration dedupeWindow(String service, Map<String, String> environment) {
        ConfigProperty window = Arrays.stream(ProcessedEventRetention.class.getDeclaredConstructors())
                .flatMap(constructor -> Arrays.stream(constructor.getParameters()))
                .map(parameter -> parameter.getAnnotation(ConfigProperty.class))
                .filter(property -> property != null && property.name().endsWith("dedupe-window"))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "ProcessedEventRetention no longer takes its window as a @ConfigProperty"));
        return DurationConverter.parseDuration(services.setting(service, window.name(), window.defaultValue(),
                environment));
    }

    /** Whether a service publishes through the outbox and consumes through the inbox of common/events. */
    public boolean usesEvents(String service) {
        return services.uses(service, "parley-common-events");
    }

    /** The {@code TOPIC} of every event contract class in {@code io.parley.common.events}. */
    static Set<String> eventContractTopics() {
        Set<String> topics = new TreeSet<>();
        String pkg = CallEvents.class.getPackageName();
        for (String className : classesOf(pkg)) {
            try {
                Field topic = Class.forName(pkg + "." + className).getField("TOPIC");
                if (Modifier.isStatic(topic.getModifiers()) && topic.getType() == String.class) {
                    topics.add((String) topic.get(null));
                }
            } catch (NoSuchFieldException e) {
                // not an event contract
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Could not read " + className + ".TOPIC", e);
            }
        }
        return topics;
    }

    /**
     * The dead-letter topics of docs/events.md's table of consumers; a row naming several services for
     * {@code <topic>.dlq.<service>} gives each of them its own ({@link DeadLetters#topicOf}).
     */
    Set<String> deadLetterTopics() {
        int table = eventsDocument.indexOf(DEAD_LETTERS_HEADER);
        if (table < 0) {
            throw new IllegalStateException("docs/events.md has no table \"" + DEAD_LETTERS_HEADER + "\"");
        }
        Set<String> topics = new TreeSet<>();
        List<String> rows = eventsDocument.substring(table).lines().skip(2).takeWhile(line -> line.startsWith("|"))
                .toList();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            Matcher named = CODE.matcher(cells[3]);
            if (!named.find()) {
                throw new IllegalStateException("docs/events.md's dead-letter row names no topic: " + row);
            }
            String topic = named.group(1);
            if (topic.endsWith(".<service>")) {
                String source = topic.substring(0, topic.indexOf(".dlq."));
                services.services().stream().filter(cells[1]::contains)
                        .forEach(service -> topics.add(DeadLetters.topicOf(source, service)));
            } else {
                topics.add(topic);
            }
        }
        return topics;
    }

    private Set<String> topicsWhoseSectionSays(String setting) {
        Set<String> topics = new TreeSet<>();
        Matcher sections = SECTION.matcher(eventsDocument);
        while (sections.find()) {
            int end = eventsDocument.indexOf("\n## ", sections.end());
            String section = eventsDocument.substring(sections.end(), end < 0 ? eventsDocument.length() : end);
            if (section.contains(setting)) {
                topics.add(sections.group(1));
            }
        }
        return topics;
    }

    private static String defaultOf(Class<?> mapping, String method) {
        try {
            return mapping.getMethod(method).getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(mapping.getSimpleName() + " has no " + method, e);
        }
    }

    /** The simple names of the top-level classes of a package, from its directory or jar. */
    private static List<String> classesOf(String pkg) {
        String path = pkg.replace('.', '/');
        URL location = CallEvents.class.getClassLoader().getResource(path);
        if (location == null) {
            throw new IllegalStateException("Package " + pkg + " is not on the class path");
        }
        try {
            URI uri = location.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return classesIn(jar.getPath(path));
                }
            }
            return classesIn(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Could not list the classes of " + pkg, e);
        }
    }

    private static List<String> classesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length())).toList();
        }
    }
}

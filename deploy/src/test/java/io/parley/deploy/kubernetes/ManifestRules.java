package io.parley.deploy.kubernetes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules a rendered overlay must keep to be deployable as Parley's issue asks: each method checks one rule and
 * answers what breaks it, one finding per object, naming the object; an empty answer means the rule holds.
 */
public final class ManifestRules {

    /** The services that scale by requests, with a HorizontalPodAutoscaler each. */
    static final List<String> SCALED_BY_REQUESTS = List.of("gateway", "directory-service");
    /** The service reachable from outside the namespace, on its API port alone. */
    static final String PUBLIC_SERVICE = "gateway";
    /** A label that names the service a Deployment runs, when its name alone does not (a prefixed name). */
    static final String NAME_LABEL = "app.kubernetes.io/name";

    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|KEY|TOKEN|CREDENTIAL",
            Pattern.CASE_INSENSITIVE);
    /** A file a secret is mounted as, named instead of the secret: {@code file:/run/secrets/identity.pem}. */
    private static final Pattern FILE_REFERENCE = Pattern.compile("(file:)?/\\S*");
    /** The variables the build sets in a service's image ({@code quarkus.jib.environment-variables.<NAME>}). */
    private static final String IMAGE_VARIABLES = "quarkus.jib.environment-variables.";
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/ready", "/q/health/live", "/q/health/started");
    /** Where each service publishes its metrics, on the management port. */
    private static final String METRICS_PATH = "/q/metrics";

    private final RenderedOverlay overlay;
    private final ServiceConfiguration services;
    private final TopicRequirements topics;
    private final CrdSchemas crds;
    private final List<Deployment> deployments;

    public ManifestRules(RenderedOverlay overlay, ServiceConfiguration services, TopicRequirements topics,
            CrdSchemas crds) {
        this.overlay = overlay;
        this.services = services;
        this.topics = topics;
        this.crds = crds;
        this.deployments = typed("Deployment", Deployment.class);
    }

    /** Every rule by what it says, in a stable order. */
    public Map<String, Supplier<List<String>>> all() {
        Map<String, Supplier<List<String>>> rules = new LinkedHashMap<>();
        rules.put("core objects are Kubernetes API types, no unknown fields", this::apiTypes);
        rules.put("custom resources match their operator's CRD schema", this::customResources);
        rules.put("every service runs as a Deployment", this::servicesDeployed);
        rules.put("Deployments run the images the build makes, with their ports, user and variables", this::images);
        rules.put("containers have readiness, liveness and startup probes on the health checks", this::probes);
        rules.put("containers request and limit cpu and memory", this::resources);
        rules.put("containers run as non-root, read-only, without privilege escalation", this::securityContexts);
        rules.put("every Deployment has a PodDisruptionBudget", this::disruptionBudgets);
        rules.put("gateway and directory-service have a HorizontalPodAutoscaler", this::autoscalers);
        rules.put("only the gateway is exposed", this::exposure);
        rules.put("NetworkPolicies deny by default and admit outside traffic only to the gateway's API port, and"
                + " a monitoring namespace to management ports", this::networkPolicies);
        rules.put("no secret values are committed", this::secretValues);
        rules.put("every KafkaTopic states partitions, replicas 3, min.insync.replicas 2, retention, size",
                this::kafkaTopicSettings);
        rules.put("every topic the services use has a KafkaTopic that takes what they send", this::topicsOfServices);
        rules.put("lag scaling stops at the topic's partition count", this::lagScaling);
        rules.put("a PodMonitor scrapes every service's metrics on its management port", this::metricsScraped);
        return rules;
    }

    /** Core objects parse as their fabric8 type with unknown fields refused. */
    public List<String> apiTypes() {
        List<String> findings = new ArrayList<>();
        for (ObjectNode object : overlay.objects()) {
            if (KubernetesModel.isApiType(object)) {
                try {
                    KubernetesModel.parse(object);
                } catch (IllegalArgumentException e) {
                    findings.add(e.getMessage());
                }
            }
        }
        return findings;
    }

    /** Every other object is a custom resource of a vendored CRD, and valid by its schema. */
    public List<String> customResources() {
        return overlay.objects().stream().filter(object -> !KubernetesModel.isApiType(object))
                .flatMap(object -> crds.validate(object).stream()).toList();
    }

    public List<String> servicesDeployed() {
        return services.services().stream().filter(service -> deploymentOf(service).isEmpty())
                .map(service -> "No Deployment runs " + service + " (named so, or labelled " + NAME_LABEL + ": "
                        + service + ")")
                .toList();
    }

    /**
     * Each service's container runs the image its build makes ({@code quarkus.container-image.*}, {@code quarkus.jib.*}
     * in the root POM): {@code <group>/<name>} under any registry and tag, the image's ports declared, its user if the
     * pod names one, and the variables it sets (the ports the service listens on) not overridden to other values.
     */
    public List<String> images() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : deployments) {
            Optional<String> service = serviceOf(deployment);
            if (service.isEmpty()) {
                continue;
            }
            String image = services.property(service.get(), "quarkus.container-image.group").orElse("") + "/"
                    + services.property(service.get(), "quarkus.container-image.name").orElse(service.get());
            Map<String, String> environment = environment(deployment);
            Long podUser = Optional.ofNullable(deployment.getSpec().getTemplate().getSpec().getSecurityContext())
                    .map(PodSecurityContext::getRunAsUser).orElse(null);
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = describe(deployment) + " container " + container.getName();
                String name = container.getImage() == null ? "" : container.getImage().replaceFirst("[@:][^/]*$", "");
                if (!name.equals(image) && !name.endsWith("/" + image)) {
                    findings.add(where + " runs " + container.getImage() + ", not the image " + image
                            + " the build makes");
                }
                Set<Integer> declared = Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort> of())
                        .stream().map(ContainerPort::getContainerPort).collect(Collectors.toSet());
                for (String port : services.property(service.get(), "quarkus.jib.ports").orElse("").split(",")) {
                    if (!port.isBlank() && !declared.contains(Integer.parseInt(port.trim()))) {
                        findings.add(where + " does not declare port " + port.trim() + ", which its image exposes");
                    }
                }
                Long user = Optional.ofNullable(container.getSecurityContext()).map(SecurityContext::getRunAsUser)
                        .orElse(podUser);
                services.property(service.get(), "quarkus.jib.user").map(Long::valueOf)
                        .filter(imageUser -> user != null && !user.equals(imageUser))
                        .ifPresent(imageUser -> findings.add(where + " runs as user " + user + ", not the image's "
                                + imageUser));
                services.propertiesUnder(service.get(), IMAGE_VARIABLES).forEach((variable, inImage) -> {
                    if (!environment.get(variable).equals(inImage)) {
                        findings.add(where + " sets " + variable + " to " + environment.get(variable)
                                + ", the image to " + inImage);
                    }
                });
            }
        }
        return findings;
    }

    public List<String> probes() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : deployments) {
            Optional<String> service = serviceOf(deployment);
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = describe(deployment) + " container " + container.getName();
                Map<String, Probe> probes = new LinkedHashMap<>();
                probes.put("readinessProbe", container.getReadinessProbe());
                probes.put("livenessProbe", container.getLivenessProbe());
                probes.put("startupProbe", container.getStartupProbe());
                probes.forEach((kind, probe) -> {
                    if (probe == null) {
                        findings.add(where + " has no " + kind);
                    } else if (service.isPresent()) {
                        healthCheckOf(service.get(), deployment, container, kind, probe).ifPresent(findings::add);
                    }
                });
            }
        }
        return findings;
    }

    public List<String> resources() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : deployments) {
            for (Container container : allContainers(deployment)) {
                var resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (resources == null || quantity(resources.getRequests(), resource).isEmpty()) {
                        findings.add(describe(deployment) + " container " + container.getName() + " requests no "
                                + resource);
                    }
                    if (resources == null || quantity(resources.getLimits(), resource).isEmpty()) {
                        findings.add(describe(deployment) + " container " + container.getName() + " has no "
                                + resource + " limit");
                    }
                }
            }
        }
        return findings;
    }

    public List<String> securityContexts() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : deployments) {
            PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
            for (Container container : allContainers(deployment)) {
                String where = describe(deployment) + " container " + container.getName();
                SecurityContext own = container.getSecurityContext();
                Boolean nonRoot = own != null && own.getRunAsNonRoot() != null ? own.getRunAsNonRoot()
                        : pod == null ? null : pod.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    findings.add(where + " may run as root: runAsNonRoot is not true");
                }
                if (own == null || !Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
                    findings.add(where + " has a writable root filesystem: readOnlyRootFilesystem is not true");
                }
                if (own == null || !Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
                    findings.add(where + " may gain privileges: allowPrivilegeEscalation is not false");
                }
            }
        }
        return findings;
    }

    public List<String> disruptionBudgets() {
        List<PodDisruptionBudget> budgets = typed("PodDisruptionBudget", PodDisruptionBudget.class);
        return deployments.stream()
                .filter(deployment -> budgets.stream().noneMatch(budget -> sameNamespace(budget, deployment)
                        && budget.getSpec().getSelector() != null
                        && matches(budget.getSpec().getSelector(), podLabels(deployment))))
                .map(deployment -> describe(deployment) + " has no PodDisruptionBudget selecting its pods")
                .toList();
    }

    public List<String> autoscalers() {
        List<HorizontalPodAutoscaler> autoscalers = typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        List<String> findings = new ArrayList<>();
        for (String service : SCALED_BY_REQUESTS) {
            deploymentOf(service).filter(deployment -> autoscalers.stream()
                    .noneMatch(hpa -> targets(hpa.getSpec().getScaleTargetRef().getKind(),
                            hpa.getSpec().getScaleTargetRef().getName(), hpa, deployment)))
                    .ifPresent(deployment -> findings.add(describe(deployment)
                            + " has no HorizontalPodAutoscaler scaling it"));
        }
        for (ObjectNode scaledObject : overlay.ofKind("ScaledObject")) {
            JsonNode target = scaledObject.path("spec").path("scaleTargetRef");
            autoscalers.stream().filter(hpa -> hpa.getSpec().getScaleTargetRef().getName()
                    .equals(target.path("name").asString("")))
                    .forEach(hpa -> findings.add(describe(hpa) + " scales " + target.path("name").asString()
                            + ", which " + describe(scaledObject) + " scales too: the two would fight"));
        }
        return findings;
    }

    /**
     * Nothing but the gateway's API port is published: no other Service of type LoadBalancer or NodePort, no
     * Ingress, Route or HTTPRoute to another Service, no Kafka listener outside the cluster.
     */
    public List<String> exposure() {
        List<String> findings = new ArrayList<>();
        Optional<Deployment> gateway = deploymentOf(PUBLIC_SERVICE);
        List<Service> kubernetesServices = typed("Service", Service.class);
        for (Service service : kubernetesServices) {
            String type = Objects.requireNonNullElse(service.getSpec().getType(), "ClusterIP");
            if (!type.equals("LoadBalancer") && !type.equals("NodePort")) {
                continue;
            }
            if (gateway.isEmpty() || !selectsOnly(service.getSpec().getSelector(), gateway.get())) {
                findings.add(describe(service) + " of type " + type + " exposes pods other than the gateway's");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort()
                        : new IntOrString(port.getPort());
                if (!isApiPort(gateway.get(), target)) {
                    findings.add(describe(service) + " of type " + type + " exposes the gateway's port " + text(target)
                            + ", not its API port " + apiPort(gateway.get()));
                }
            }
        }
        for (Ingress ingress : typed("Ingress", Ingress.class)) {
            Stream<IngressBackend> backends = Stream.concat(Stream.ofNullable(ingress.getSpec().getDefaultBackend()),
                    Stream.ofNullable(ingress.getSpec().getRules()).flatMap(List::stream)
                            .map(IngressRule::getHttp).filter(Objects::nonNull)
                            .flatMap(http -> http.getPaths().stream()).map(HTTPIngressPath::getBackend));
            backends.filter(backend -> backend.getService() != null)
                    .map(backend -> backend.getService().getName())
                    .filter(name -> !isGatewayService(name, kubernetesServices, gateway))
                    .forEach(name -> findings.add(describe(ingress) + " routes to Service " + name
                            + ", which is not the gateway's"));
        }
        for (ObjectNode route : overlay.objects()) {
            routedServices(route).filter(name -> !isGatewayService(name, kubernetesServices, gateway))
                    .forEach(name -> findings.add(describe(route) + " routes to Service " + name
                            + ", which is not the gateway's"));
        }
        for (ObjectNode kafka : overlay.ofKind("Kafka")) {
            kafka.path("spec").path("kafka").path("listeners").valueStream()
                    .filter(listener -> !Set.of("internal", "cluster-ip").contains(listener.path("type").asString("")))
                    .forEach(listener -> findings.add(describe(kafka) + " listener "
                            + listener.path("name").asString() + " of type " + listener.path("type").asString()
                            + " is reachable from outside the cluster"));
        }
        return findings;
    }

    /**
     * A default-deny policy exists, and no policy admits traffic from outside the namespace (any address, an IP
     * block, another namespace) to a Parley pod but the gateway's on its API port. Pods of the operators' clusters
     * (Kafka, PostgreSQL) may be reached from other namespaces by selector, which their operators need, but never
     * from any address.
     */
    public List<String> networkPolicies() {
        List<String> findings = new ArrayList<>();
        List<NetworkPolicy> policies = typed("NetworkPolicy", NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(policy -> isEmpty(policy.getSpec().getPodSelector())
                && Objects.requireNonNullElse(policy.getSpec().getPolicyTypes(), List.<String> of()).contains("Ingress")
                && (policy.getSpec().getIngress() == null || policy.getSpec().getIngress().isEmpty()));
        if (!defaultDeny) {
            findings.add("No NetworkPolicy denies ingress by default (podSelector {}, policyTypes [Ingress], no rules)");
        }
        Optional<Deployment> gateway = deploymentOf(PUBLIC_SERVICE);
        for (NetworkPolicy policy : policies) {
            List<Deployment> selected = deployments.stream().filter(deployment -> sameNamespace(policy, deployment)
                    && matches(policy.getSpec().getPodSelector(), podLabels(deployment))).toList();
            for (NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(),
                    List.<NetworkPolicyIngressRule> of())) {
                List<String> outside = outsidePeers(policy, rule);
                if (outside.isEmpty()) {
                    continue;
                }
                if (selected.isEmpty()) {
                    outside.stream().filter(peer -> !peer.startsWith("namespaces "))
                            .forEach(peer -> findings.add(describe(policy) + " lets " + peer + " reach pods "
                                    + policy.getSpec().getPodSelector().getMatchLabels()));
                    continue;
                }
                for (Deployment deployment : selected) {
                    if (scrapesManagementPort(deployment, rule, outside)) {
                        continue;
                    }
                    if (gateway.isEmpty() || deployment != gateway.get()) {
                        findings.add(describe(policy) + " lets " + outside + " reach " + describe(deployment));
                    } else if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                        findings.add(describe(policy) + " lets " + outside + " reach every port of "
                                + describe(deployment));
                    } else {
                        rule.getPorts().stream().map(NetworkPolicyPort::getPort)
                                .filter(port -> port == null || !isApiPort(deployment, port))
                                .forEach(port -> findings.add(describe(policy) + " lets " + outside + " reach "
                                        + describe(deployment) + " on port " + (port == null ? "any" : text(port))
                                        + ", not its API port " + apiPort(deployment)));
                    }
                }
            }
        }
        return findings;
    }

    /**
     * No Secret carries data, and no container sets a variable named like a secret (PASSWORD, SECRET, KEY, TOKEN,
     * CREDENTIAL) to a value, directly or from a ConfigMap: such variables come from a Secret's key, or name the file
     * a Secret is mounted as.
     */
    public List<String> secretValues() {
        List<String> findings = new ArrayList<>();
        for (Secret secret : typed("Secret", Secret.class)) {
            if (!isEmpty(secret.getData()) || !isEmpty(secret.getStringData())) {
                findings.add(describe(secret) + " is committed with values: create it outside the manifests");
            }
        }
        List<ConfigMap> configMaps = typed("ConfigMap", ConfigMap.class);
        for (Deployment deployment : deployments) {
            for (Container container : allContainers(deployment)) {
                String where = describe(deployment) + " container " + container.getName();
                for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar> of())) {
                    if (!SECRET_NAME.matcher(variable.getName()).find()) {
                        continue;
                    }
                    if (variable.getValue() != null && !variable.getValue().isEmpty()
                            && !FILE_REFERENCE.matcher(variable.getValue()).matches()) {
                        findings.add(where + " sets " + variable.getName()
                                + " to a value: take it from a Secret (valueFrom.secretKeyRef)");
                    } else if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() == null) {
                        findings.add(where + " takes " + variable.getName() + " from elsewhere than a Secret");
                    }
                }
                for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(),
                        List.<EnvFromSource> of())) {
                    if (source.getConfigMapRef() == null) {
                        continue;
                    }
                    configMaps.stream().filter(map -> map.getMetadata().getName()
                            .equals(source.getConfigMapRef().getName()) && map.getData() != null)
                            .flatMap(map -> map.getData().entrySet().stream()
                                    .filter(entry -> SECRET_NAME.matcher(entry.getKey()).find()
                                            && !FILE_REFERENCE.matcher(entry.getValue()).matches())
                                    .map(entry -> where + " takes " + entry.getKey() + " from " + describe(map)
                                            + ": take it from a Secret"))
                            .forEach(findings::add);
                }
            }
        }
        return findings;
    }

    public List<String> kafkaTopicSettings() {
        List<String> findings = new ArrayList<>();
        for (ObjectNode topic : overlay.ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            if (!spec.path("partitions").isInt()) {
                findings.add(describe(topic) + " states no partitions");
            }
            if (spec.path("replicas").asInt(0) != 3) {
                findings.add(describe(topic) + " has replicas " + spec.path("replicas") + ", not 3");
            }
            if (config(topic, "min.insync.replicas").filter(value -> value.equals("2")).isEmpty()) {
                findings.add(describe(topic) + " has min.insync.replicas " + config(topic, "min.insync.replicas")
                        .orElse("unstated") + ", not 2");
            }
            for (String setting : List.of("retention.ms", "max.message.bytes")) {
                if (config(topic, setting).isEmpty()) {
                    findings.add(describe(topic) + " states no " + setting);
                }
            }
        }
        return findings;
    }

    /**
     * Each topic a service uses has its KafkaTopic, compacted or kept forever where docs/events.md says so, kept at
     * least as long as consumers deduplicate, and taking the outbox's largest record.
     */
    public List<String> topicsOfServices() {
        List<String> findings = new ArrayList<>();
        long largestRecord = 0;
        Duration window = Duration.ZERO;
        for (String service : services.services()) {
            if (topics.usesEvents(service)) {
                Map<String, String> environment = deploymentOf(service).map(this::environment)
                        .orElse(Map.of());
                largestRecord = Math.max(largestRecord, topics.maxRecordSize(service, environment));
                Duration serviceWindow = topics.dedupeWindow(service, environment);
                window = serviceWindow.compareTo(window) > 0 ? serviceWindow : window;
            }
        }
        Set<String> unlimited = topics.unlimitedRetention();
        Set<String> compacted = topics.compacted();
        for (String name : topics.topics()) {
            Optional<ObjectNode> found = kafkaTopic(name);
            if (found.isEmpty()) {
                findings.add("No KafkaTopic creates " + name + ", which the services use");
                continue;
            }
            ObjectNode topic = found.get();
            Optional<Long> retention = config(topic, "retention.ms").map(Long::parseLong);
            if (unlimited.contains(name) && !retention.equals(Optional.of(-1L))) {
                findings.add(describe(topic) + " keeps " + name + " for retention.ms " + retention.orElse(null)
                        + ": docs/events.md has it kept forever (-1)");
            } else if (retention.isPresent() && retention.get() != -1 && retention.get() < window.toMillis()) {
                findings.add(describe(topic) + " keeps " + name + " for " + Duration.ofMillis(retention.get())
                        + ", less than the consumers' deduplication window " + window);
            }
            if (compacted.contains(name) && !config(topic, "cleanup.policy").equals(Optional.of("compact"))) {
                findings.add(describe(topic) + " does not compact " + name
                        + " (cleanup.policy=compact, which directory-service sets at startup)");
            }
            Optional<Long> maxMessage = config(topic, "max.message.bytes").map(Long::parseLong);
            if (maxMessage.isPresent() && maxMessage.get() < largestRecord) {
                findings.add(describe(topic) + " takes records up to " + maxMessage.get()
                        + " bytes, less than the outbox sends (" + largestRecord + ")");
            }
        }
        return findings;
    }

    /**
     * Each KEDA ScaledObject scales a Deployment on the lag of a consumer group that service has, on a topic it
     * reads, to no more replicas than the topic has partitions (more would idle); call-service is scaled so.
     */
    public List<String> lagScaling() {
        List<String> findings = new ArrayList<>();
        List<ObjectNode> scaledObjects = overlay.ofKind("ScaledObject");
        for (ObjectNode scaledObject : scaledObjects) {
            JsonNode spec = scaledObject.path("spec");
            String targetName = spec.path("scaleTargetRef").path("name").asString("");
            Optional<Deployment> target = deployments.stream()
                    .filter(deployment -> deployment.getMetadata().getName().equals(targetName)).findFirst();
            if (target.isEmpty() || serviceOf(target.get()).isEmpty()) {
                findings.add(describe(scaledObject) + " scales " + targetName + ", which is no service's Deployment");
                continue;
            }
            String service = serviceOf(target.get()).get();
            for (JsonNode trigger : spec.path("triggers")) {
                if (!trigger.path("type").asString("").equals("kafka")) {
                    continue;
                }
                String topic = trigger.path("metadata").path("topic").asString("");
                String group = trigger.path("metadata").path("consumerGroup").asString("");
                if (services.channels(service).stream().noneMatch(channel -> channel.incoming()
                        && channel.topic().equals(topic) && channel.groupId().equals(Optional.of(group)))) {
                    findings.add(describe(scaledObject) + " watches group " + group + " on topic " + topic
                            + ", which " + service + " does not read in");
                }
                Optional<ObjectNode> kafkaTopic = kafkaTopic(topic);
                if (!spec.path("maxReplicaCount").isInt()) {
                    findings.add(describe(scaledObject) + " states no maxReplicaCount (KEDA's default is 100)");
                } else if (kafkaTopic.isEmpty() || !kafkaTopic.get().path("spec").path("partitions").isInt()) {
                    findings.add(describe(scaledObject) + " scales on " + topic + ", whose partitions no KafkaTopic "
                            + "states");
                } else if (spec.path("maxReplicaCount").asInt() > kafkaTopic.get().path("spec").path("partitions")
                        .asInt()) {
                    findings.add(describe(scaledObject) + " scales to " + spec.path("maxReplicaCount").asInt()
                            + " replicas, more than the " + kafkaTopic.get().path("spec").path("partitions").asInt()
                            + " partitions of " + topic);
                }
            }
        }
        deploymentOf("call-service").filter(deployment -> scaledObjects.stream().noneMatch(scaledObject -> scaledObject
                .path("spec").path("scaleTargetRef").path("name").asString("")
                .equals(deployment.getMetadata().getName())))
                .ifPresent(deployment -> findings.add(describe(deployment)
                        + " is not scaled on its consumers' lag by a ScaledObject"));
        return findings;
    }

    /** The Deployment running a service: labelled with its name, or named so. */
    Optional<Deployment> deploymentOf(String service) {
        return deployments.stream().filter(deployment -> serviceOf(deployment).equals(Optional.of(service)))
                .findFirst();
    }

    /**
     * Prometheus, through its operator's PodMonitor, scrapes each service's pods where the metrics are: a PodMonitor of
     * the Deployment's namespace selects its pods, with an endpoint on the management port (by name or number) and
     * path {@code /q/metrics}. The Services expose the API port alone, so a ServiceMonitor could not reach it.
     */
    public List<String> metricsScraped() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : deployments) {
            Optional<String> service = serviceOf(deployment);
            if (service.isEmpty()) {
                continue;
            }
            int management = managementPort(service.get(), deployment);
            boolean scraped = overlay.ofKind("PodMonitor").stream()
                    .filter(monitor -> Objects.equals(monitor.path("metadata").path("namespace").asString(null),
                            deployment.getMetadata().getNamespace()))
                    .filter(monitor -> matches(KubernetesModel.read(monitor.path("spec").path("selector"),
                            LabelSelector.class), podLabels(deployment)))
                    .flatMap(monitor -> monitor.path("spec").path("podMetricsEndpoints").valueStream())
                    .anyMatch(endpoint -> METRICS_PATH.equals(endpoint.path("path").asString("/metrics"))
                            && scrapedPort(deployment, endpoint).equals(Optional.of(management)));
            if (!scraped) {
                findings.add(describe(deployment) + " has no PodMonitor scraping " + METRICS_PATH
                        + " on its management port " + management);
            }
        }
        return findings;
    }

    private Optional<String> serviceOf(Deployment deployment) {
        String labelled = Optional.ofNullable(deployment.getMetadata().getLabels()).map(l -> l.get(NAME_LABEL))
                .orElse(deployment.getMetadata().getName());
        return services.services().contains(labelled) ? Optional.of(labelled) : Optional.empty();
    }

    private Optional<String> healthCheckOf(String service, Deployment deployment, Container container, String kind,
            Probe probe) {
        String where = describe(deployment) + " container " + container.getName() + " " + kind;
        if (probe.getHttpGet() == null) {
            return Optional.of(where + " does not ask the service's health check over HTTP");
        }
        String path = probe.getHttpGet().getPath();
        String expected = switch (kind) {
            case "readinessProbe" -> "/q/health/ready";
            case "livenessProbe" -> "/q/health/live";
            default -> "/q/health/started";
        };
        if (!expected.equals(path)) {
            return Optional.of(where + " asks " + path + ", not " + expected
                    + (HEALTH_PATHS.contains(path) ? " (another probe's check)" : ""));
        }
        String managementPort = services.setting(service, "quarkus.management.port", "9000",
                environment(deployment));
        Optional<Integer> port = portNumber(container, probe.getHttpGet().getPort());
        if (!port.equals(Optional.of(Integer.parseInt(managementPort)))) {
            return Optional.of(where + " asks port " + text(probe.getHttpGet().getPort()) + ", not the management port "
                    + managementPort + " where the health checks are");
        }
        return Optional.empty();
    }

    /**
     * A metrics scraper's way in: peers that are namespaces (never address blocks), to the service's management port
     * alone, where health and metrics are and the API is not.
     */
    private boolean scrapesManagementPort(Deployment deployment, NetworkPolicyIngressRule rule, List<String> outside) {
        Optional<String> service = serviceOf(deployment);
        if (service.isEmpty() || rule.getPorts() == null || rule.getPorts().isEmpty()
                || !outside.stream().allMatch(peer -> peer.startsWith("namespaces "))) {
            return false;
        }
        int management = managementPort(service.get(), deployment);
        return rule.getPorts().stream().allMatch(port -> port.getPort() != null && deployment.getSpec().getTemplate()
                .getSpec().getContainers().stream()
                .anyMatch(container -> portNumber(container, port.getPort()).equals(Optional.of(management))));
    }

    /** A service's management port (health, metrics): its {@code quarkus.management.port} as the Deployment sets it. */
    private int managementPort(String service, Deployment deployment) {
        return Integer.parseInt(services.setting(service, "quarkus.management.port", "9000", environment(deployment)));
    }

    /** The container port a PodMonitor's endpoint scrapes: {@code port} names it, {@code portNumber} numbers it. */
    private static Optional<Integer> scrapedPort(Deployment deployment, JsonNode endpoint) {
        IntOrString port = endpoint.has("portNumber") ? new IntOrString(endpoint.path("portNumber").asInt())
                : endpoint.has("port") ? new IntOrString(endpoint.path("port").asString()) : null;
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(container -> portNumber(container, port)).flatMap(Optional::stream).findFirst();
    }

    /** The gateway's API port: its {@code quarkus.http.port} as the Deployment sets it. */
    private int apiPort(Deployment gateway) {
        return Integer.parseInt(services.setting(PUBLIC_SERVICE, "quarkus.http.port", "8080", environment(gateway)));
    }

    private boolean isApiPort(Deployment gateway, IntOrString port) {
        int api = apiPort(gateway);
        return gateway.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(container -> portNumber(container, port).equals(Optional.of(api)));
    }

    private static String text(IntOrString port) {
        return port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    private static Optional<Integer> portNumber(Container container, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        if (port.getIntVal() != null) {
            return Optional.of(port.getIntVal());
        }
        return Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort> of()).stream()
                .filter(named -> port.getStrVal().equals(named.getName())).map(ContainerPort::getContainerPort)
                .findFirst();
    }

    /** Whether a Service's selector picks the gateway's pods and no other Deployment's. */
    private boolean selectsOnly(Map<String, String> selector, Deployment gateway) {
        if (isEmpty(selector)) {
            return false;
        }
        LabelSelector labels = new LabelSelector(null, selector);
        return matches(labels, podLabels(gateway)) && deployments.stream()
                .filter(deployment -> deployment != gateway)
                .noneMatch(deployment -> matches(labels, podLabels(deployment)));
    }

    private boolean isGatewayService(String name, List<Service> kubernetesServices, Optional<Deployment> gateway) {
        return gateway.isPresent() && kubernetesServices.stream()
                .anyMatch(service -> service.getMetadata().getName().equals(name)
                        && selectsOnly(service.getSpec().getSelector(), gateway.get()));
    }

    /** The Services an OpenShift Route or a Gateway API route sends traffic to. */
    private static Stream<String> routedServices(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        JsonNode spec = object.path("spec");
        if (apiVersion.startsWith("route.openshift.io/")) {
            return Stream.concat(Stream.of(spec.path("to")), spec.path("alternateBackends").valueStream())
                    .map(backend -> backend.path("name").asString("")).filter(name -> !name.isEmpty());
        }
        if (apiVersion.startsWith("gateway.networking.k8s.io/")) {
            return spec.path("rules").valueStream().flatMap(rule -> rule.path("backendRefs").valueStream())
                    .map(backend -> backend.path("name").asString("")).filter(name -> !name.isEmpty());
        }
        return Stream.empty();
    }

    /** The peers of a rule outside the policy's namespace, described; empty when it admits only its namespace. */
    private static List<String> outsidePeers(NetworkPolicy policy, NetworkPolicyIngressRule rule) {
        if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
            return List.of("any address");
        }
        List<String> outside = new ArrayList<>();
        for (NetworkPolicyPeer peer : rule.getFrom()) {
            if (peer.getIpBlock() != null) {
                outside.add("addresses " + peer.getIpBlock().getCidr());
            } else if (peer.getNamespaceSelector() != null
                    && !selectsOnlyNamespace(peer.getNamespaceSelector(), policy.getMetadata().getNamespace())) {
                outside.add("namespaces " + Objects.requireNonNullElse(peer.getNamespaceSelector().getMatchLabels(),
                        Map.of()));
            }
        }
        return outside;
    }

    private static boolean selectsOnlyNamespace(LabelSelector selector, String namespace) {
        return namespace != null && selector.getMatchLabels() != null
                && namespace.equals(selector.getMatchLabels().get("kubernetes.io/metadata.name"));
    }

    private Optional<ObjectNode> kafkaTopic(String name) {
        return overlay.ofKind("KafkaTopic").stream()
                .filter(topic -> name.equals(topic.path("spec").path("topicName").asString(RenderedOverlay.nameOf(
                        topic))))
                .findFirst();
    }

    private static Optional<String> config(JsonNode topic, String setting) {
        JsonNode value = topic.path("spec").path("config").path(setting);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    /**
     * The variables a Deployment's containers set to literal values, directly or from the overlay's ConfigMaps
     * ({@code envFrom}); a direct value wins, as in Kubernetes.
     */
    /** The environment a Deployment's service runs with: its image's variables, then the ConfigMaps', then its own. */
    private Map<String, String> environment(Deployment deployment) {
        List<ConfigMap> configMaps = typed("ConfigMap", ConfigMap.class);
        Map<String, String> environment = new LinkedHashMap<>(serviceOf(deployment)
                .map(service -> services.propertiesUnder(service, IMAGE_VARIABLES)).orElse(Map.of()));
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource> of())) {
                String prefix = Objects.requireNonNullElse(source.getPrefix(), "");
                configMaps.stream().filter(map -> source.getConfigMapRef() != null
                        && map.getMetadata().getName().equals(source.getConfigMapRef().getName())
                        && map.getData() != null)
                        .forEach(map -> map.getData().forEach((key, value) -> environment.put(prefix + key, value)));
            }
            Objects.requireNonNullElse(container.getEnv(), List.<EnvVar> of()).stream()
                    .filter(variable -> variable.getValue() != null)
                    .forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        }
        return environment;
    }

    private static List<Container> allContainers(Deployment deployment) {
        var pod = deployment.getSpec().getTemplate().getSpec();
        return Stream.concat(Objects.requireNonNullElse(pod.getInitContainers(), List.<Container> of()).stream(),
                pod.getContainers().stream()).toList();
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return Objects.requireNonNullElse(deployment.getSpec().getTemplate().getMetadata().getLabels(), Map.of());
    }

    private static Optional<Quantity> quantity(Map<String, Quantity> quantities, String resource) {
        return quantities == null ? Optional.empty() : Optional.ofNullable(quantities.get(resource));
    }

    private static boolean targets(String kind, String name, HasMetadata scaler, Deployment deployment) {
        return "Deployment".equals(kind) && deployment.getMetadata().getName().equals(name)
                && sameNamespace(scaler, deployment);
    }

    private static boolean sameNamespace(HasMetadata one, HasMetadata other) {
        return Objects.equals(one.getMetadata().getNamespace(), other.getMetadata().getNamespace());
    }

    /** Kubernetes' label selector semantics: every matchLabels entry and every matchExpressions requirement. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        boolean labelsMatch = Objects.requireNonNullElse(selector.getMatchLabels(), Map.<String, String> of())
                .entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
        return labelsMatch && Objects.requireNonNullElse(selector.getMatchExpressions(),
                List.<LabelSelectorRequirement> of()).stream().allMatch(requirement -> {
                    String value = labels.get(requirement.getKey());
                    List<String> values = Objects.requireNonNullElse(requirement.getValues(), List.of());
                    return switch (requirement.getOperator()) {
                        case "In" -> value != null && values.contains(value);
                        case "NotIn" -> value == null || !values.contains(value);
                        case "Exists" -> value != null;
                        case "DoesNotExist" -> value == null;
                        default -> false;
                    };
                });
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector != null && isEmpty(selector.getMatchLabels()) && (selector.getMatchExpressions() == null
                || selector.getMatchExpressions().isEmpty());
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }

    private static String describe(JsonNode object) {
        return RenderedOverlay.describe(object);
    }

    private <T> List<T> typed(String kind, Class<T> type) {
        return overlay.ofKind(kind).stream().filter(KubernetesModel::isApiType)
                .map(object -> KubernetesModel.read(object, type)).toList();
    }
}

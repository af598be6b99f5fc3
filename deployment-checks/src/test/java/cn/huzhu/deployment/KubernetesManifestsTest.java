package cn.huzhu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.contracts.Topics;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k8s/ as an operator would apply it: each overlay rendered by kustomize ({@code kubectl kustomize}); every core
 * object read into the Kubernetes model with no field the model does not know; the custom resources of the Strimzi
 * and CloudNativePG operators checked for what the platform relies on; and the services compared with the build.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Core kinds and their model classes: "apiVersion/kind". */
    private static final Map<String, Class<?>> CORE = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Namespace", Namespace.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    /** Custom resources of the operators the platform runs on. */
    private static final Set<String> CUSTOM = Set.of(
            "kafka.strimzi.io/v1beta2/Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic",
            "kafka.strimzi.io/v1beta2/KafkaUser",
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/ScheduledBackup");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectOfTheOverlayIsKnownAndItsCoreObjectsParseStrictly(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        assertThat(objects).isNotEmpty();
        for (JsonNode o : objects) {
            String type = o.path("apiVersion").asText() + "/" + o.path("kind").asText();
            String where = overlay + ": " + type + " "
                    + o.path("metadata").path("name").asText();
            assertThat(o.path("metadata").path("name").asText()).as(where).isNotBlank();
            if (!o.path("kind").asText().equals("Namespace")) {
                assertThat(o.path("metadata").path("namespace").asText())
                        .as(where)
                        .isEqualTo("huzhu");
            }
            if (CORE.containsKey(type)) {
                Object parsed = YAML.treeToValue(o, CORE.get(type));
                assertThat(unknownFields(parsed, type)).as(where).isEmpty();
            } else {
                assertThat(CUSTOM)
                        .as("%s: a kind neither in the Kubernetes model nor of the platform's operators", where)
                        .contains(type);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceRunsAsBuiltWithProbesLimitsAndItsCompanions(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        ConfigMap config = YAML.treeToValue(one(objects, "ConfigMap", "huzhu-config"), ConfigMap.class);
        List<Deployment> deployments = new ArrayList<>();
        for (JsonNode o : of(objects, "Deployment")) {
            deployments.add(YAML.treeToValue(o, Deployment.class));
        }
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .contains("enrollment-service", "claims-service", "payout-service", "reporting-service");
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(BuiltServices.isPlatformImage(c.getImage()))
                    .as("%s image %s", name, c.getImage())
                    .isTrue();
            Path module = BuiltServices.moduleOf(c.getImage());
            assertThat(module.getFileName().toString()).as(name).isEqualTo(name);
            int port = BuiltServices.defaultPort(module);
            assertThat(c.getPorts())
                    .as(name)
                    .anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(port));
            String portSetting = c.getEnv().stream()
                    .filter(e -> e.getName().equals("PORT"))
                    .map(EnvVar::getValue)
                    .findFirst()
                    .orElse(null);
            assertThat(portSetting == null || portSetting.equals(String.valueOf(port)))
                    .as("%s PORT %s", name, portSetting)
                    .isTrue();
            for (EnvVar e : c.getEnv()) {
                assertThat(BuiltServices.reads(module, e.getName()))
                        .as("%s is given %s, which it never reads", name, e.getName())
                        .isTrue();
            }
            if (c.getEnvFrom() != null && !c.getEnvFrom().isEmpty()) {
                for (String key : config.getData().keySet()) {
                    assertThat(BuiltServices.reads(module, key))
                            .as("%s gets %s from huzhu-config, which it never reads", name, key)
                            .isTrue();
                }
            }
            assertThat(c.getResources().getLimits()).as(name).containsKey("memory");
            assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(c.getReadinessProbe()).as(name).isNotNull();
            assertThat(c.getLivenessProbe()).as(name).isNotNull();
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                    .as(name)
                    .isTrue();
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem())
                    .as(name)
                    .isTrue();
            if (!name.equals("bank-simulator")) {
                assertThat(c.getStartupProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
                // a service alive but no longer answering (out of memory, stuck) is restarted within half a minute
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
                assertThat(c.getLivenessProbe().getPeriodSeconds()
                                * c.getLivenessProbe().getFailureThreshold())
                        .as(name)
                        .isLessThanOrEqualTo(30);
                assertThat(config.getData().get("JAVA_TOOL_OPTIONS"))
                        .as("a JVM out of memory exits (and is restarted)")
                        .contains("-XX:+ExitOnOutOfMemoryError");
                // its heap dump has room: a volume of its own larger than the container's memory limit
                String dumps =
                        config.getData().get("JAVA_TOOL_OPTIONS").replaceAll(".*-XX:HeapDumpPath=(\\S+).*", "$1");
                String volume = c.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals(dumps))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(name + " mounts nothing at " + dumps))
                        .getName();
                Quantity room = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .filter(v -> v.getName().equals(volume))
                        .findFirst()
                        .orElseThrow()
                        .getEmptyDir()
                        .getSizeLimit();
                assertThat(Quantity.getAmountInBytes(room))
                        .as(name + ": room for a heap dump")
                        .isGreaterThan(Quantity.getAmountInBytes(
                                c.getResources().getLimits().get("memory")));
                assertThat(c.getReadinessProbe().getHttpGet().getPath())
                        .as(name)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(one(objects, "PodDisruptionBudget", name))
                        .as("PDB of " + name)
                        .isNotNull();
                JsonNode hpa = one(objects, "HorizontalPodAutoscaler", name);
                assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText())
                        .isEqualTo(name);
            }
            Service service = YAML.treeToValue(one(objects, "Service", name), Service.class);
            assertThat(service.getSpec().getSelector())
                    .isEqualTo(d.getSpec().getSelector().getMatchLabels());
            for (EnvVar e : c.getEnv()) {
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    String secret = e.getValueFrom().getSecretKeyRef().getName();
                    boolean generated = !of(objects, "Secret").stream()
                            .filter(s ->
                                    s.path("metadata").path("name").asText().equals(secret))
                            .toList()
                            .isEmpty();
                    boolean strimziUser = one(objects, "KafkaUser", secret) != null;
                    boolean documented = overlay.equals("production")
                            && Set.of("huzhu-db", "huzhu-secrets").contains(secret);
                    assertThat(generated || strimziUser || documented)
                            .as("%s reads secret %s, which nothing provides", name, secret)
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theTopicsAreThoseOfTheContractsAndEveryUserNamesExistingTopics(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        Set<String> contractTopics = contractTopics();
        // the answer topics of every office that has a Kafka user
        of(objects, "KafkaUser").stream()
                .map(u -> u.path("metadata").path("name").asText())
                .filter(u -> u.startsWith("office-"))
                .forEach(office -> contractTopics.addAll(Topics.answerTopicsOf(office)));
        Set<String> declared = of(objects, "KafkaTopic").stream()
                .map(t -> t.path("metadata").path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).containsAll(contractTopics);
        for (String t : declared) {
            assertThat(contractTopics.contains(t)
                            || t.endsWith(Topics.DEAD_LETTER_SUFFIX)
                                    && contractTopics.contains(
                                            t.substring(0, t.length() - Topics.DEAD_LETTER_SUFFIX.length())))
                    .as("topic %s is neither a contract's nor its dead-letter topic", t)
                    .isTrue();
        }
        JsonNode kafka = one(objects, "Kafka", "huzhu-kafka");
        int brokers = one(objects, "KafkaNodePool", "dual-role")
                .path("spec")
                .path("replicas")
                .asInt();
        for (JsonNode t : of(objects, "KafkaTopic")) {
            assertThat(t.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText())
                    .isEqualTo("huzhu-kafka");
            assertThat(t.path("spec").path("replicas").asInt())
                    .as(t.path("metadata").path("name").asText())
                    .isBetween(1, brokers);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt())
                    .isLessThanOrEqualTo(t.path("spec").path("replicas").asInt());
        }
        assertThat(kafka.path("spec")
                        .path("kafka")
                        .path("config")
                        .path("min.insync.replicas")
                        .asInt())
                .isLessThanOrEqualTo(brokers);
        for (JsonNode user : of(objects, "KafkaUser")) {
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (resource.path("type").asText().equals("topic")
                        && resource.path("patternType").asText().equals("prefix")) {
                    assertThat(declared)
                            .as("ACL of %s", user.path("metadata").path("name").asText())
                            .anyMatch(t -> t.startsWith(resource.path("name").asText()));
                } else if (resource.path("type").asText().equals("topic")) {
                    assertThat(declared)
                            .as("ACL of %s", user.path("metadata").path("name").asText())
                            .contains(resource.path("name").asText());
                }
            }
        }
        // every service's user is there, and every service reads the secret of its own user
        for (String service : List.of("enrollment-service", "claims-service", "payout-service", "reporting-service")) {
            assertThat(one(objects, "KafkaUser", service))
                    .as("KafkaUser " + service)
                    .isNotNull();
        }
        assertThat(one(objects, "Cluster", "huzhu-postgres")
                        .path("spec")
                        .path("bootstrap")
                        .path("initdb")
                        .path("database")
                        .asText())
                .isEqualTo("enrollment");
        Set<String> databases = new HashSet<>(Set.of("enrollment"));
        of(objects, "Database")
                .forEach(d -> databases.add(d.path("spec").path("name").asText()));
        assertThat(databases).containsExactlyInAnyOrder("enrollment", "claims", "payout", "reporting");
    }

    /** The topic names the contracts declare. */
    static Set<String> contractTopics() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && ((String) f.get(null)).startsWith("huzhu.")) {
                topics.add((String) f.get(null));
            }
        }
        return topics;
    }

    /** Renders an overlay as {@code kubectl apply -k} would see it. */
    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder(
                            "kubectl",
                            "kustomize",
                            BuiltServices.ROOT
                                    .resolve("k8s/overlays")
                                    .resolve(overlay)
                                    .toString())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl is needed to render k8s/ (.ci/run installs it: apt-get install kubectl)", e);
        }
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue())
                .as("kubectl kustomize %s: %s", overlay, err)
                .isZero();
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(out)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(n -> {
                if (n != null && !n.isNull() && !n.isEmpty()) {
                    docs.add(n);
                }
            });
        }
        return docs;
    }

    private static List<JsonNode> of(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .toList();
    }

    private static JsonNode one(List<JsonNode> objects, String kind, String name) {
        return of(objects, kind).stream()
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElse(null);
    }

    /**
     * Fields the model did not know: the model keeps them aside (additionalProperties) rather than refusing them, so
     * the whole object is walked and any kept aside is named with its path.
     */
    static List<String> unknownFields(Object value, String path) {
        List<String> unknown = new ArrayList<>();
        walk(value, path, unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = f.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (f.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(k -> unknown.add(path + "." + k));
                    }
                } else {
                    walk(fieldValue, path + "." + f.getName(), unknown);
                }
            }
        }
    }
}

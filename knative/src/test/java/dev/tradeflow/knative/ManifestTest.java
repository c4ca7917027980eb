package dev.tradeflow.knative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Function;
import dev.tradeflow.events.Topic;
import io.fabric8.knative.duck.v1.DeliverySpec;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.SubscriptionsAPIFilter;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifests a platform team applies agree with the code's single catalogue. */
class ManifestTest {

  private static final Manifests MANIFESTS = new Manifests();

  @Test
  void everyManifestLoadsIntoItsTypedModelWithNoUnknownField() {
    assertThat(MANIFESTS.all()).hasSizeGreaterThan(20);
    for (Manifests.Manifest manifest : MANIFESTS.all()) {
      assertThat(Manifests.unknownFields(manifest.model()))
          .as(
              manifest.file().getFileName()
                  + " "
                  + manifest.kind()
                  + " "
                  + Manifests.name(manifest.model()))
          .isEmpty();
    }
  }

  @Test
  void aMisspelledFieldIsCaughtInEveryKindOfModel() throws IOException {
    String trigger =
        """
        apiVersion: eventing.knative.dev/v1
        kind: Trigger
        metadata: {name: t}
        spec:
          broker: tradeflow
          filterz: [{any: []}]
          subscriber: {ref: {apiVersion: serving.knative.dev/v1, kind: Service, name: s}}
        """;
    assertThat(Manifests.unknownFields(Manifests.load(trigger))).containsExactly(".spec.filterz");
    String service =
        """
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: s}
        spec:
          template:
            spec:
              containers:
                - image: x
                  readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}, periodSecond: 5}
        """;
    assertThat(Manifests.unknownFields(Manifests.load(service)))
        .singleElement()
        .asString()
        .endsWith("readinessProbe.periodSecond");
    String topic =
        """
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaTopic
        metadata: {name: t}
        spec: {topicName: t, partition: 3}
        """;
    assertThat(Manifests.unknownFields(Manifests.load(topic))).containsExactly(".spec.partition");
  }

  @Test
  void filesAreNumberedInApplyOrderWithOneKindEachAndAllInTheKustomization() throws IOException {
    Map<Path, Set<String>> kinds =
        MANIFESTS.all().stream()
            .collect(
                Collectors.groupingBy(
                    Manifests.Manifest::file,
                    Collectors.mapping(Manifests.Manifest::kind, Collectors.toSet())));
    kinds.forEach(
        (file, inFile) -> assertThat(inFile).as(file.getFileName().toString()).hasSize(1));
    List<String> listed =
        Manifests.numberedFiles().stream().map(p -> p.getFileName().toString()).toList();
    String kustomization = Files.readString(Manifests.DIR.resolve("kustomization.yaml"));
    int last = -1;
    for (String file : listed) {
      int at = kustomization.indexOf("- " + file);
      assertThat(at).as(file + " in kustomization.yaml").isPositive();
      assertThat(at).as(file + " in apply order").isGreaterThan(last);
      last = at;
    }
  }

  @Test
  void topicsAreTheCatalogueWithCompactionExactlyOnStateTopics() {
    Map<String, String> policies =
        MANIFESTS.of(KafkaTopic.class).stream()
            .collect(
                Collectors.toMap(
                    t -> t.getSpec().getTopicName(),
                    t -> String.valueOf(t.getSpec().getConfig().get("cleanup.policy"))));
    assertThat(policies.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Topic.values()).map(Topic::topicName).toList());
    for (Topic topic : Topic.values()) {
      assertThat(policies.get(topic.topicName()))
          .as(topic.topicName())
          .isEqualTo(topic.compacted() ? "compact" : "delete");
    }
  }

  @Test
  void eachFunctionHasOneServiceWithProbesResourcesScaleAndKafkaSettings() {
    Set<String> configMaps = names(MANIFESTS.of(ConfigMap.class));
    Set<String> secrets = names(MANIFESTS.of(Secret.class));
    for (Function function : Function.values()) {
      Service service = service(function);
      Map<String, String> annotations =
          service.getSpec().getTemplate().getMetadata().getAnnotations();
      assertThat(annotations)
          .containsKeys("autoscaling.knative.dev/min-scale", "autoscaling.knative.dev/max-scale");
      Container container = service.getSpec().getTemplate().getSpec().getContainers().getFirst();
      assertThat(container.getImage()).contains("tradeflow-" + function.id());
      int port = container.getPorts().getFirst().getContainerPort();
      assertThat(env(container)).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(port));
      assertThat(env(container))
          .containsEntry("MP_MESSAGING_INCOMING_TRADEFLOW_IN_ENABLED", "false");
      assertProbe(container.getReadinessProbe(), "/q/health/ready", port);
      assertProbe(container.getLivenessProbe(), "/q/health/live", port);
      assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
      assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
      BigDecimal memory = BigDecimal.valueOf(function.memoryMiB() * 1024L * 1024);
      assertThat(Quantity.getAmountInBytes(container.getResources().getRequests().get("memory")))
          .as("%s's memory request, as Function.memoryMiB gives it to the local run", function)
          .isEqualByComparingTo(memory);
      assertThat(Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")))
          .as("%s's memory limit", function)
          .isEqualByComparingTo(memory);
      container
          .getEnvFrom()
          .forEach(
              source -> {
                if (source.getConfigMapRef() != null) {
                  assertThat(configMaps).contains(source.getConfigMapRef().getName());
                }
                if (source.getSecretRef() != null) {
                  assertThat(secrets).contains(source.getSecretRef().getName());
                }
              });
      assertThat(container.getEnvFrom()).anyMatch(s -> s.getConfigMapRef() != null);
      assertThat(container.getEnvFrom()).anyMatch(s -> s.getSecretRef() != null);
    }
    assertThat(MANIFESTS.of(Service.class)).hasSize(Function.values().length);
  }

  @Test
  void everyFunctionVerifiesBearerTokensAgainstTheConfiguredIssuer() {
    ConfigMap auth = configMap("tradeflow-auth");
    assertThat(auth.getData())
        .containsKeys(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES");
    assertThat(auth.getData()).allSatisfy((key, value) -> assertThat(value).isNotBlank());
    for (Function function : Function.values()) {
      Container container =
          service(function).getSpec().getTemplate().getSpec().getContainers().getFirst();
      assertThat(container.getEnvFrom())
          .as(function + " reads tradeflow-auth")
          .anyMatch(
              source ->
                  source.getConfigMapRef() != null
                      && source.getConfigMapRef().getName().equals("tradeflow-auth"));
    }
  }

  /**
   * Every function reaches Kafka over SASL (SCRAM-SHA-512) and TLS: the settings from the
   * ConfigMap, the JAAS line (with the password) only from a Secret, and the cluster's CA mounted
   * read-only from a Secret where the truststore setting points.
   */
  @Test
  void everyFunctionReachesKafkaOverSaslAndTlsWithCredentialsFromSecrets() {
    Map<String, String> kafka = configMap("tradeflow-kafka").getData();
    assertThat(kafka)
        .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
        .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
        .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
        .doesNotContainKey("KAFKA_SASL_JAAS_CONFIG");
    Secret credentials = secret("tradeflow-kafka-credentials");
    assertThat(credentials.getStringData().get("KAFKA_SASL_JAAS_CONFIG"))
        .contains("ScramLoginModule required");
    Secret ca = secret("tradeflow-kafka-ca");
    assertThat(ca.getStringData()).containsKey("ca.crt");
    String truststore = kafka.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
    for (Function function : Function.values()) {
      var pod = service(function).getSpec().getTemplate().getSpec();
      Container container = pod.getContainers().getFirst();
      assertThat(container.getEnvFrom())
          .as(function + " reads the Kafka settings and credentials")
          .anyMatch(
              s ->
                  s.getConfigMapRef() != null
                      && s.getConfigMapRef().getName().equals("tradeflow-kafka"))
          .anyMatch(
              s ->
                  s.getSecretRef() != null
                      && s.getSecretRef().getName().equals("tradeflow-kafka-credentials"));
      String volume =
          pod.getVolumes().stream()
              .filter(
                  v ->
                      v.getSecret() != null
                          && v.getSecret().getSecretName().equals("tradeflow-kafka-ca"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(function + " mounts no kafka CA"))
              .getName();
      assertThat(container.getVolumeMounts())
          .as(function + " has the CA where the truststore setting points")
          .anyMatch(
              mount ->
                  mount.getName().equals(volume)
                      && Boolean.TRUE.equals(mount.getReadOnly())
                      && truststore.equals(mount.getMountPath() + "/ca.crt"));
    }
  }

  @Test
  void everyPodRunsLockedDown() {
    for (Function function : Function.values()) {
      var pod = service(function).getSpec().getTemplate().getSpec();
      assertThat(pod.getAutomountServiceAccountToken()).as(function + " token").isFalse();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      for (Container container : pod.getContainers()) {
        SecurityContext locked = container.getSecurityContext();
        assertThat(locked.getRunAsNonRoot()).as(function + " non-root").isTrue();
        assertThat(locked.getReadOnlyRootFilesystem()).as(function + " read-only").isTrue();
        assertThat(locked.getAllowPrivilegeEscalation()).isFalse();
        assertThat(locked.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(locked.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(locked.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        // with the root filesystem read-only, /tmp is a bounded emptyDir
        assertThat(container.getVolumeMounts())
            .anyMatch(mount -> mount.getMountPath().equals("/tmp"));
      }
      assertThat(pod.getVolumes())
          .allMatch(
              volume ->
                  (volume.getEmptyDir() != null && volume.getEmptyDir().getSizeLimit() != null)
                      || volume.getSecret() != null);
    }
  }

  @Test
  void onlyKnativesDataPlaneAndThePrometheusScraperReachThePods() {
    List<NetworkPolicy> policies = MANIFESTS.of(NetworkPolicy.class);
    assertThat(policies).hasSize(1);
    NetworkPolicy policy = policies.getFirst();
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
    for (Function function : Function.values()) {
      assertThat(service(function).getSpec().getTemplate().getMetadata().getLabels())
          .as(function + " pods are selected")
          .containsAllEntriesOf(selector);
    }
    Map<String, Set<Integer>> portsByNamespace = new TreeMap<>();
    for (var rule : policy.getSpec().getIngress()) {
      assertThat(rule.getFrom()).allMatch(peer -> peer.getIpBlock() == null);
      for (var peer : rule.getFrom()) {
        assertThat(peer.getPodSelector()).as("whole namespaces, named").isNull();
        String namespace =
            peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
        rule.getPorts()
            .forEach(
                port ->
                    portsByNamespace
                        .computeIfAbsent(namespace, n -> new TreeSet<>())
                        .add(port.getPort().getIntVal()));
      }
    }
    int metricsPort =
        service(Function.PARSE)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .getFirst()
            .getPorts()
            .getFirst()
            .getContainerPort();
    assertThat(portsByNamespace)
        .containsOnly(
            Map.entry("knative-serving", Set.of(8012, 8013)),
            Map.entry("kourier-system", Set.of(8012, 8013)),
            Map.entry("monitoring", Set.of(metricsPort)));
  }

  @Test
  void triggersTakeExactlyWhatEachFunctionConsumes() {
    List<Trigger> triggers = MANIFESTS.of(Trigger.class);
    assertThat(triggers).hasSize(Function.values().length);
    for (Function function : Function.values()) {
      List<Trigger> mine =
          triggers.stream()
              .filter(
                  t ->
                      t.getSpec()
                          .getSubscriber()
                          .getRef()
                          .getName()
                          .equals("tradeflow-" + function.id()))
              .toList();
      assertThat(mine).as(function.id()).hasSize(1);
      Trigger trigger = mine.getFirst();
      Set<String> filtered = filteredTypes(trigger);
      Set<String> consumed = new HashSet<>();
      for (EventType type : function.consumes()) {
        consumed.add(type.type());
        consumed.addAll(type.sourceTypes());
      }
      // every type a function consumes has its Trigger, and the Trigger lets nothing else through
      assertThat(filtered).as(function.id()).containsExactlyInAnyOrderElementsOf(consumed);
      assertThat(trigger.getMetadata().getAnnotations())
          .containsEntry("kafka.eventing.knative.dev/delivery.order", "ordered");
      assertThat(trigger.getSpec().getBroker())
          .isEqualTo(Manifests.name(MANIFESTS.of(Broker.class).getFirst()));
      assertDelivery(trigger.getSpec().getDelivery());
    }
  }

  @Test
  void theBrokerIsKafkaBackedAndDeadLettersGoToTheDeadLetterTopic() {
    Broker broker = MANIFESTS.of(Broker.class).getFirst();
    assertThat(broker.getMetadata().getAnnotations())
        .containsEntry("eventing.knative.dev/broker.class", "Kafka");
    assertThat(names(MANIFESTS.of(ConfigMap.class)))
        .contains(broker.getSpec().getConfig().getName());
    assertDelivery(broker.getSpec().getDelivery());
    assertThat(MANIFESTS.of(KafkaSink.class).getFirst().getSpec().getTopic())
        .isEqualTo(Topic.DEAD_LETTER.topicName());
  }

  @Test
  void sourcesFeedTheBrokerFromTheReceivedTopicAndOnASchedule() {
    String broker = Manifests.name(MANIFESTS.of(Broker.class).getFirst());
    KafkaSource received = MANIFESTS.of(KafkaSource.class).getFirst();
    assertThat(received.getSpec().getTopics()).containsExactly(Topic.TRADE_RECEIVED.topicName());
    assertThat(received.getSpec().getSink().getRef().getName()).isEqualTo(broker);
    assertThat(EventType.TRADE_RECEIVED.sourceTypes()).contains("dev.knative.kafka.event");
    PingSource tick = MANIFESTS.of(PingSource.class).getFirst();
    assertThat(tick.getSpec().getSink().getRef().getName()).isEqualTo(broker);
    assertThat(tick.getSpec().getSchedule()).isNotBlank();
    assertThat(Function.EXPIRE.consumes()).contains(EventType.EXPIRY_TICK);
    assertThat(EventType.EXPIRY_TICK.sourceTypes()).contains("dev.knative.sources.ping");
  }

  @Test
  void monitoringScrapesMetricsAndShipsADashboard() throws IOException {
    PodMonitor monitor = MANIFESTS.of(PodMonitor.class).getFirst();
    assertThat(monitor.getSpec().getPodMetricsEndpoints())
        .allSatisfy(endpoint -> assertThat(endpoint.getPath()).isEqualTo("/q/metrics"));
    assertThat(monitor.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/part-of", "tradeflow");
    for (Function function : Function.values()) {
      assertThat(service(function).getSpec().getTemplate().getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/part-of", "tradeflow");
    }
    JsonNode dashboard =
        Manifests.JSON.readTree(
            Manifests.DIR.resolve("monitoring/tradeflow-dashboard.json").toFile());
    assertThat(dashboard.path("panels").size()).isGreaterThan(4);
    assertThat(dashboard.toString())
        .contains("tradeflow_processing_seconds_bucket")
        .contains("tradeflow_circuit_state");
  }

  private static ConfigMap configMap(String name) {
    return MANIFESTS.of(ConfigMap.class).stream()
        .filter(map -> Manifests.name(map).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
  }

  private static Secret secret(String name) {
    return MANIFESTS.of(Secret.class).stream()
        .filter(secret -> Manifests.name(secret).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Secret " + name));
  }

  private static Service service(Function function) {
    return MANIFESTS.of(Service.class).stream()
        .filter(s -> Manifests.name(s).equals("tradeflow-" + function.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Service for " + function.id()));
  }

  private static Set<String> filteredTypes(Trigger trigger) {
    Set<String> types = new HashSet<>();
    if (trigger.getSpec().getFilter() != null) {
      String type = trigger.getSpec().getFilter().getAttributes().get("type");
      if (type != null) {
        types.add(type);
      }
    }
    for (SubscriptionsAPIFilter filter : trigger.getSpec().getFilters()) {
      collect(filter, types);
    }
    return types;
  }

  private static void collect(SubscriptionsAPIFilter filter, Set<String> types) {
    if (filter.getExact() != null && filter.getExact().get("type") != null) {
      types.add(filter.getExact().get("type"));
    }
    filter.getAny().forEach(f -> collect(f, types));
    filter.getAll().forEach(f -> collect(f, types));
  }

  private static void assertDelivery(DeliverySpec delivery) {
    assertThat(delivery.getRetry()).isPositive();
    assertThat(delivery.getBackoffPolicy()).isEqualTo("exponential");
    assertThat(delivery.getBackoffDelay()).isNotBlank();
    assertThat(delivery.getDeadLetterSink().getRef().getName())
        .isEqualTo(Manifests.name(MANIFESTS.of(KafkaSink.class).getFirst()));
  }

  private static void assertProbe(Probe probe, String path, int port) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getIntVal()).isEqualTo(port);
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static Set<String> names(List<?> models) {
    return models.stream().map(Manifests::name).collect(Collectors.toSet());
  }
}

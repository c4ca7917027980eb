package dev.tradeflow.knative;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every manifest under {@code knative/}, loaded into the typed model of its kind. A field the model
 * does not know is an error, not something to carry along: the models keep such fields in {@code
 * additionalProperties}, and {@link #unknownFields} finds them.
 */
final class Manifests {

  /** apiVersion/kind to the typed model. Anything else in the folder is an error. */
  static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
          Map.entry("eventing.knative.dev/v1/Broker", Broker.class),
          Map.entry("eventing.knative.dev/v1/Trigger", Trigger.class),
          Map.entry("eventing.knative.dev/v1alpha1/KafkaSink", KafkaSink.class),
          Map.entry("serving.knative.dev/v1/Service", Service.class),
          Map.entry("sources.knative.dev/v1beta1/KafkaSource", KafkaSource.class),
          Map.entry("sources.knative.dev/v1/PingSource", PingSource.class),
          Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

  static final Path DIR = Path.of("").toAbsolutePath();

  private static final ObjectMapper YAML =
      YAMLMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One document of one file, in its typed model. */
  record Manifest(Path file, String kind, Object model) {}

  private final List<Manifest> all = new ArrayList<>();

  Manifests() {
    for (Path file : numberedFiles()) {
      try {
        for (JsonNode document :
            YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
          String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
          Class<?> model = MODELS.get(key);
          if (model == null) {
            throw new IllegalStateException(file.getFileName() + ": no typed model for " + key);
          }
          all.add(
              new Manifest(
                  file, document.path("kind").asText(), YAML.treeToValue(document, model)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file.toString(), e);
      }
    }
  }

  /** One YAML document in its typed model, for tests of the checks themselves. */
  static Object load(String yaml) throws IOException {
    JsonNode document = YAML.readTree(yaml);
    String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    return YAML.treeToValue(document, MODELS.get(key));
  }

  static List<Path> numberedFiles() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .filter(p -> p.getFileName().toString().matches("[0-9]{2}-.*\\.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Manifest> all() {
    return all;
  }

  <T> List<T> of(Class<T> model) {
    return all.stream().map(Manifest::model).filter(model::isInstance).map(model::cast).toList();
  }

  static String name(Object model) {
    return ((HasMetadata) model).getMetadata().getName();
  }

  /** Paths of every field the typed model did not know, found by walking the model's getters. */
  static List<String> unknownFields(Object model) {
    List<String> found = new ArrayList<>();
    walk(model, "", found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    return found;
  }

  private static void walk(Object node, String path, List<String> found, Set<Object> seen) {
    if (node == null || !seen.add(node) || isLeaf(node)) {
      return;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", found, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> found.add(path + "." + k));
        }
        continue;
      }
      walk(value, path + "." + property(getter.getName()), found, seen);
    }
  }

  private static boolean isLeaf(Object node) {
    Package pkg = node.getClass().getPackage();
    String name = pkg == null ? "" : pkg.getName();
    return !(node instanceof Collection || node instanceof Map)
        && !(name.startsWith("io.fabric8") || name.startsWith("io.strimzi"));
  }

  private static String property(String getter) {
    String bare = getter.startsWith("get") ? getter.substring(3) : getter.substring(2);
    return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }
}

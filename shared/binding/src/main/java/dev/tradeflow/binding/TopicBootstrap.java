package dev.tradeflow.binding;

import dev.tradeflow.events.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

/**
 * Creates the catalogue's topics that are missing, with compaction on every state topic. On by
 * default for local runs and tests; a platform that manages topics itself (Strimzi) turns it off
 * with {@code tradeflow.kafka.create-topics=false}.
 */
@ApplicationScoped
public class TopicBootstrap {

  private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

  @Inject KafkaClientConfig kafka;

  private volatile boolean done;

  public synchronized void ensureTopics() {
    if (done || !kafka.createTopics()) {
      return;
    }
    try (Admin admin = Admin.create(kafka.common())) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topic topic : Topic.values()) {
        if (!existing.contains(topic.topicName())) {
          NewTopic newTopic = new NewTopic(topic.topicName(), kafka.partitions(), (short) -1);
          if (topic.compacted()) {
            newTopic.configs(Map.of("cleanup.policy", "compact"));
          }
          missing.add(newTopic);
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
      }
      done = true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
        done = true;
        return;
      }
      LOG.warnf("could not create topics: %s", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

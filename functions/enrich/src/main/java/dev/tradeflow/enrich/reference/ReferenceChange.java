package dev.tradeflow.enrich.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeflow.events.EventType;
import dev.tradeflow.events.Json;
import dev.tradeflow.formats.TradeIds;
import dev.tradeflow.model.ReferenceKind;
import dev.tradeflow.model.ReferenceRecord;

/**
 * One change to reference data, as {@code tradeflow.refdata.updated} ({@code {"kind":
 * "instruments", "value": {...}}}) and {@code tradeflow.refdata.deleted} ({@code {"kind":
 * "instruments", "id": "..."}}) carry it.
 */
public sealed interface ReferenceChange {

  ReferenceKind kind();

  String key();

  EventType eventType();

  /** Store {@code value} under its key, replacing what is there. */
  record Put(ReferenceKind kind, ReferenceRecord value) implements ReferenceChange {
    @Override
    public String key() {
      return value.key();
    }

    @Override
    public EventType eventType() {
      return EventType.REFDATA_UPDATED;
    }
  }

  /** Remove the value under {@code key}, if there is one. */
  record Remove(ReferenceKind kind, String key) implements ReferenceChange {
    @Override
    public EventType eventType() {
      return EventType.REFDATA_DELETED;
    }
  }

  /** The key Kafka orders a change by: changes to one value keep their order. */
  default String orderingKey() {
    return kind().pathName() + ":" + key();
  }

  /** The event data of this change. */
  default byte[] toJson() {
    ObjectNode data = Json.mapper().createObjectNode().put("kind", kind().pathName());
    switch (this) {
      case Put put -> data.set("value", Json.mapper().valueToTree(put.value()));
      case Remove remove -> data.put("id", remove.key());
    }
    return Json.write(data);
  }

  /**
   * The change an event of {@code type} carries, or {@link InvalidReferenceData} saying why not.
   */
  static ReferenceChange read(EventType type, byte[] data) {
    JsonNode tree = ReferenceBodies.tree(data);
    if (!tree.isObject()) {
      throw InvalidReferenceData.of(null, null, "the data must be a JSON object");
    }
    ReferenceKind kind = kind(tree.get("kind"));
    if (type == EventType.REFDATA_DELETED) {
      JsonNode id = tree.get("id");
      if (id == null || !id.isTextual() || !TradeIds.isId(id.asText())) {
        throw InvalidReferenceData.of(null, "id", "must be " + TradeIds.ID_RULE);
      }
      return new Remove(kind, id.asText());
    }
    JsonNode value = tree.get("value");
    if (value == null || !value.isObject()) {
      throw InvalidReferenceData.of(
          null, "value", "must be a JSON object with the fields of " + kind.pathName());
    }
    return new Put(kind, ReferenceRecords.read(kind, ReferenceBodies.row(value, null)));
  }

  private static ReferenceKind kind(JsonNode kind) {
    String name = kind == null ? null : kind.asText();
    return ReferenceKind.byPathName(name)
        .orElseThrow(
            () ->
                InvalidReferenceData.of(
                    null, "kind", "must be one of " + ReferenceKind.pathNames()));
  }
}

package dev.tradeflow.peers;

import java.time.LocalDate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The trade store's rules on a Kafka Streams state store: a lower version than the stored one is
 * rejected, the same or a higher one is stored, a maturity before the business date is rejected.
 */
final class StoreRules implements Processor<String, byte[], String, PeerTrade> {

  static final String STORE = "trade-versions";

  private final LocalDate businessDate;
  private ProcessorContext<String, PeerTrade> context;
  private KeyValueStore<String, Integer> versions;

  StoreRules(LocalDate businessDate) {
    this.businessDate = businessDate;
  }

  @Override
  public void init(ProcessorContext<String, PeerTrade> context) {
    this.context = context;
    this.versions = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    PeerTrade trade = PeerTrade.read(record.key(), record.value());
    if (!trade.isRejected()) {
      Integer stored = versions.get(trade.tradeId());
      if (stored != null && trade.version() < stored) {
        trade = trade.rejected("LOWER_VERSION");
      } else if (trade.maturityDate().isBefore(businessDate)) {
        trade = trade.rejected("MATURITY_IN_PAST");
      } else {
        versions.put(trade.tradeId(), trade.version());
      }
    }
    context.forward(record.withKey(trade.tradeId()).withValue(trade));
  }
}

package dev.tradeflow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TradeStoreRulesTest {

  static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 21);

  static Trade trade(String id, int version, String cp, String book, String maturity) {
    return new Trade(id, version, cp, book, LocalDate.parse(maturity), BUSINESS_DATE, false, null);
  }

  static Optional<StoredTrade> stored(Trade trade) {
    return Optional.of(new StoredTrade(trade, 1));
  }

  @Test
  void designReferenceExample() {
    assertThat(
            TradeStoreRules.decide(
                trade("T1", 1, "CP-1", "B1", "2027-05-20"), Optional.empty(), BUSINESS_DATE))
        .isInstanceOf(Decision.Accepted.class);
    Trade t2 = trade("T2", 2, "CP-2", "B1", "2027-05-20");
    assertThat(TradeStoreRules.decide(t2, Optional.empty(), BUSINESS_DATE))
        .isInstanceOf(Decision.Accepted.class);
    Decision lower =
        TradeStoreRules.decide(
            trade("T2", 1, "CP-1", "B1", "2027-05-20"), stored(t2), BUSINESS_DATE);
    assertThat(lower)
        .isEqualTo(
            new Decision.Rejected(
                RejectReason.LOWER_VERSION,
                "version 1 is lower than the stored version 2 of trade T2"));
    Decision past =
        TradeStoreRules.decide(
            trade("T3", 3, "CP-3", "B2", "2014-05-20"), Optional.empty(), BUSINESS_DATE);
    assertThat(((Decision.Rejected) past).reason()).isEqualTo(RejectReason.MATURITY_IN_PAST);
  }

  @Test
  void rejectsLowerVersion() {
    Trade v5 = trade("T", 5, "CP", "B", "2027-01-01");
    Decision d =
        TradeStoreRules.decide(trade("T", 4, "CP", "B", "2027-01-01"), stored(v5), BUSINESS_DATE);
    assertThat(((Decision.Rejected) d).reason()).isEqualTo(RejectReason.LOWER_VERSION);
  }

  @Test
  void sameVersionReplacesTheStoredTrade() {
    Trade v2 = trade("T", 2, "CP", "B", "2027-01-01");
    Trade again = trade("T", 2, "CP-NEW", "B", "2027-01-01");
    Decision d = TradeStoreRules.decide(again, stored(v2), BUSINESS_DATE);
    assertThat(d).isInstanceOf(Decision.Replaced.class);
    assertThat(((Decision.Replaced) d).trade().counterpartyId()).isEqualTo("CP-NEW");
  }

  @Test
  void higherVersionIsAccepted() {
    Trade v2 = trade("T", 2, "CP", "B", "2027-01-01");
    assertThat(
            TradeStoreRules.decide(
                trade("T", 3, "CP", "B", "2027-01-01"), stored(v2), BUSINESS_DATE))
        .isInstanceOf(Decision.Accepted.class);
  }

  @Test
  void maturityTodayIsAcceptedYesterdayIsRejected() {
    assertThat(
            TradeStoreRules.decide(
                trade("T", 1, "CP", "B", "2026-11-21"), Optional.empty(), BUSINESS_DATE))
        .isInstanceOf(Decision.Accepted.class);
    assertThat(
            TradeStoreRules.decide(
                trade("T", 1, "CP", "B", "2026-11-20"), Optional.empty(), BUSINESS_DATE))
        .isInstanceOf(Decision.Rejected.class);
  }

  @Test
  void lowerVersionIsReportedBeforePastMaturity() {
    Trade v5 = trade("T", 5, "CP", "B", "2027-01-01");
    Decision d =
        TradeStoreRules.decide(trade("T", 1, "CP", "B", "2014-01-01"), stored(v5), BUSINESS_DATE);
    assertThat(((Decision.Rejected) d).reason()).isEqualTo(RejectReason.LOWER_VERSION);
  }

  @Test
  void anAcceptedTradeIsStoredNotExpiredWhateverItSays() {
    Trade claimsExpired = trade("T", 1, "CP", "B", "2027-01-01").withExpired(true);
    Decision d = TradeStoreRules.decide(claimsExpired, Optional.empty(), BUSINESS_DATE);
    assertThat(((Decision.Accepted) d).trade().expired()).isFalse();
  }
}

package dev.tradeflow.peers.connector;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@link ConnectorRelayHopTest} with each batch copied on the event loop. */
@QuarkusTest
@TestProfile(ConnectorRelayHopOnEventLoopTest.EventLoop.class)
class ConnectorRelayHopOnEventLoopTest extends ConnectorRelayHopTest {

  /** {@code -Dquarkus.profile=event-loop}. */
  public static class EventLoop implements QuarkusTestProfile {
    @Override
    public String getConfigProfile() {
      return "event-loop";
    }
  }
}

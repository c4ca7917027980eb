package dev.tradeflow.aggregate;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same tests against the packaged artifact: the jar, or the native binary when built with
 * {@code -Pnative}.
 */
@QuarkusIntegrationTest
class AggregateFunctionIT extends AggregateFunctionTest {}

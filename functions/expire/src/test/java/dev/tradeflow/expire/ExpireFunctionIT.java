package dev.tradeflow.expire;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same tests against the packaged artifact: the jar, or the native binary when built with
 * {@code -Pnative}.
 */
@QuarkusIntegrationTest
class ExpireFunctionIT extends ExpireFunctionTest {}

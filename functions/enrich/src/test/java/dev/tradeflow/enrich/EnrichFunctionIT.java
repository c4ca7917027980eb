package dev.tradeflow.enrich;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same tests against the packaged artifact: the jar, or the native binary when built with
 * {@code -Pnative}.
 */
@QuarkusIntegrationTest
class EnrichFunctionIT extends EnrichFunctionTest {}

package dev.cairn.journey;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class VisitorJourneyPostgresTest extends VisitorJourneyTests {}

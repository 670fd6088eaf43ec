package dev.cairn.journey;

import dev.cairn.testing.SqliteTest;

@SqliteTest
class VisitorJourneySqliteTest extends VisitorJourneyTests {}

package dev.cairn.tracking;

import dev.cairn.testing.SqliteTest;

@SqliteTest
class CollectorSqliteTest extends CollectorTests {}

package dev.cairn.tracking;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class CollectorPostgresTest extends CollectorTests {}

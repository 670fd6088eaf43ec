package dev.cairn.email;

import dev.cairn.testing.SqliteTest;

@SqliteTest
class DeliveryFailureSqliteTest extends DeliveryFailureTests {}

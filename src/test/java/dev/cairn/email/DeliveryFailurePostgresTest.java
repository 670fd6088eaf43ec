package dev.cairn.email;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class DeliveryFailurePostgresTest extends DeliveryFailureTests {}

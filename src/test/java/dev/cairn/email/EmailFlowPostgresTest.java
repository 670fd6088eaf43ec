package dev.cairn.email;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class EmailFlowPostgresTest extends EmailFlowTests {}

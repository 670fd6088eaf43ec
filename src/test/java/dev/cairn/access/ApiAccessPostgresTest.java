package dev.cairn.access;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class ApiAccessPostgresTest extends ApiAccessTests {}

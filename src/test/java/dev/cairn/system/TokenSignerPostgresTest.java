package dev.cairn.system;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class TokenSignerPostgresTest extends TokenSignerTests {}

package dev.cairn.identity;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class IdentityResolutionPostgresTest extends IdentityResolutionTests {}

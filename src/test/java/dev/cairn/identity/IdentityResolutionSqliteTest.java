package dev.cairn.identity;

import dev.cairn.testing.SqliteTest;

@SqliteTest
class IdentityResolutionSqliteTest extends IdentityResolutionTests {}

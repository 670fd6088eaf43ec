package dev.cairn.access;

import dev.cairn.testing.SqliteTest;

@SqliteTest
class ApiAccessSqliteTest extends ApiAccessTests {}

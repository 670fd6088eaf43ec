package dev.cairn.system;

import dev.cairn.testing.SqliteTest;

@SqliteTest
class TokenSignerSqliteTest extends TokenSignerTests {}

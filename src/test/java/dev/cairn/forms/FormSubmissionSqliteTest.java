package dev.cairn.forms;

import dev.cairn.testing.SqliteTest;

@SqliteTest
class FormSubmissionSqliteTest extends FormSubmissionTests {}

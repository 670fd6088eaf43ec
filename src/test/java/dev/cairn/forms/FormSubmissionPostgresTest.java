package dev.cairn.forms;

import dev.cairn.testing.PostgresTest;

@PostgresTest
class FormSubmissionPostgresTest extends FormSubmissionTests {}

package dev.cairn.forms;

/**
 * The outcome of an accepted submission.
 *
 * @param contactId null when the honeypot caught a bot and nothing was stored
 */
record SubmissionResult(String submissionId, String contactId, String thankYouUrl) {}

/**
 * Identity resolution: visitors, their links to contacts over time, and the signed email-link
 * tokens that identify a visitor who arrives from an email.
 */
package dev.cairn.identity;

/** Contacts: people identified by email address, with their fields, lifecycle stage and timeline. */
package dev.cairn.contacts;

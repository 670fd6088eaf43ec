/** Contacts: people Cairn knows by email, their fields, lifecycle stage and timeline. */
package dev.cairn.contacts;

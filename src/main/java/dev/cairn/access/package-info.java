/** Staff users, authentication, the security rules of every route, and the audit log. */
package dev.cairn.access;

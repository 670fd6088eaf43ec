/** Configuration, errors, signed tokens and value types shared by every feature. */
package dev.cairn.system;

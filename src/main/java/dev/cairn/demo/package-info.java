/** The demo site served under /demo/, and the site and form it needs, created on first start. */
package dev.cairn.demo;

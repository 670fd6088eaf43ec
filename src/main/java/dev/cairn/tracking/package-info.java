/** Visitor tracking: sites, the tracker script, the collector and page views. */
package dev.cairn.tracking;

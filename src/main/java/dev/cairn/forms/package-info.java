/** Website forms: definitions, validated submissions and the payment-card guard. */
package dev.cairn.forms;

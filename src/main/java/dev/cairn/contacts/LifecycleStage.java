package dev.cairn.contacts;

/** Where a contact stands with the company; each stage ranks above the one before it. */
public enum LifecycleStage {
    SUBSCRIBER,
    LEAD,
    CUSTOMER
}

package dev.cairn.contacts;

/** A contact's relationship to the company. Each stage ranks above the one before it. */
public enum LifecycleStage {
    SUBSCRIBER,
    LEAD,
    CUSTOMER
}

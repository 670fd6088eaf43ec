-- Portable schema: the same statements run on SQLite and PostgreSQL.
-- Ids are UUIDv7 text, times are UTC epoch milliseconds, booleans are BOOLEAN.

-- system
CREATE TABLE signing_key (
    id INTEGER PRIMARY KEY,
    secret VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL
);

-- access
CREATE TABLE staff_user (
    id VARCHAR(36) PRIMARY KEY,
    username VARCHAR(100) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE audit_event (
    id VARCHAR(36) PRIMARY KEY,
    actor VARCHAR(100) NOT NULL,
    action VARCHAR(50) NOT NULL,
    subject_id VARCHAR(36),
    occurred_at BIGINT NOT NULL
);
CREATE INDEX audit_event_subject ON audit_event (subject_id, occurred_at);

-- contacts
CREATE TABLE contact (
    id VARCHAR(36) PRIMARY KEY,
    first_name VARCHAR(100),
    last_name VARCHAR(100),
    company VARCHAR(200),
    phone VARCHAR(32),
    account_executive VARCHAR(200),
    lifecycle_stage VARCHAR(20) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A normalised email belongs to at most one contact: the primary key enforces it.
CREATE TABLE contact_email (
    email_normalized VARCHAR(320) PRIMARY KEY,
    contact_id VARCHAR(36) NOT NULL REFERENCES contact (id),
    email VARCHAR(320) NOT NULL,
    is_primary BOOLEAN NOT NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX contact_email_contact ON contact_email (contact_id);
CREATE UNIQUE INDEX contact_email_one_primary ON contact_email (contact_id) WHERE is_primary;

-- identity
CREATE TABLE visitor (
    id VARCHAR(32) PRIMARY KEY,
    site_id VARCHAR(64),
    contact_id VARCHAR(36) REFERENCES contact (id),
    first_seen_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX visitor_contact ON visitor (contact_id);

-- Link history: a visitor's events between valid_from (inclusive) and valid_to (exclusive)
-- belong to contact_id. The first link starts at 0 so that earlier anonymous events count too.
CREATE TABLE visitor_link (
    id VARCHAR(36) PRIMARY KEY,
    visitor_id VARCHAR(32) NOT NULL REFERENCES visitor (id),
    contact_id VARCHAR(36) NOT NULL REFERENCES contact (id),
    valid_from BIGINT NOT NULL,
    valid_to BIGINT,
    reason VARCHAR(30) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX visitor_link_contact ON visitor_link (contact_id);
CREATE INDEX visitor_link_visitor ON visitor_link (visitor_id);

CREATE TABLE identity_event (
    id VARCHAR(36) PRIMARY KEY,
    visitor_id VARCHAR(32),
    contact_id VARCHAR(36) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    detail VARCHAR(200),
    occurred_at BIGINT NOT NULL
);
CREATE INDEX identity_event_contact ON identity_event (contact_id, occurred_at);

-- tracking
CREATE TABLE site (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE site_origin (
    site_id VARCHAR(64) NOT NULL REFERENCES site (id),
    origin VARCHAR(255) NOT NULL,
    PRIMARY KEY (site_id, origin)
);

CREATE TABLE page_view (
    id VARCHAR(36) PRIMARY KEY,
    event_id VARCHAR(64) UNIQUE,
    site_id VARCHAR(64) NOT NULL REFERENCES site (id),
    visitor_id VARCHAR(32) NOT NULL REFERENCES visitor (id),
    occurred_at BIGINT NOT NULL,
    url VARCHAR(2048) NOT NULL,
    path VARCHAR(2048) NOT NULL,
    title VARCHAR(500),
    referrer VARCHAR(2048),
    utm_source VARCHAR(200),
    utm_medium VARCHAR(200),
    utm_campaign VARCHAR(200),
    utm_term VARCHAR(200),
    utm_content VARCHAR(200),
    click_id_type VARCHAR(20),
    click_id VARCHAR(500),
    browser_family VARCHAR(100),
    device_type VARCHAR(20),
    country VARCHAR(2)
);
CREATE INDEX page_view_visitor_time ON page_view (visitor_id, occurred_at);
CREATE INDEX page_view_site_time ON page_view (site_id, occurred_at);

-- forms
CREATE TABLE form_definition (
    id VARCHAR(64) PRIMARY KEY,
    site_id VARCHAR(64),
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    thank_you_url VARCHAR(2048) NOT NULL,
    custom_fields VARCHAR(4000) NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE form_submission (
    id VARCHAR(36) PRIMARY KEY,
    form_id VARCHAR(64) NOT NULL REFERENCES form_definition (id),
    contact_id VARCHAR(36) NOT NULL REFERENCES contact (id),
    visitor_id VARCHAR(32),
    resolution VARCHAR(40) NOT NULL,
    fields TEXT NOT NULL,
    opt_in BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX form_submission_contact ON form_submission (contact_id, created_at);

-- consent
CREATE TABLE subscription_type (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    default_state VARCHAR(20) NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE subscription (
    contact_id VARCHAR(36) NOT NULL REFERENCES contact (id),
    type_id VARCHAR(64) NOT NULL REFERENCES subscription_type (id),
    state VARCHAR(20) NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (contact_id, type_id)
);

-- Append-only: the current subscription state can be rebuilt from the newest row per type.
CREATE TABLE consent_log (
    id VARCHAR(36) PRIMARY KEY,
    contact_id VARCHAR(36) NOT NULL REFERENCES contact (id),
    type_id VARCHAR(64) NOT NULL REFERENCES subscription_type (id),
    scope VARCHAR(10) NOT NULL,
    old_state VARCHAR(20),
    new_state VARCHAR(20) NOT NULL,
    source VARCHAR(30) NOT NULL,
    actor VARCHAR(100),
    ip_prefix VARCHAR(50),
    user_agent VARCHAR(300),
    detail VARCHAR(300),
    occurred_at BIGINT NOT NULL
);
CREATE INDEX consent_log_contact ON consent_log (contact_id, occurred_at);

INSERT INTO subscription_type (id, name, description, kind, default_state, position) VALUES
    ('news', 'News, Offers & Resources',
     'Company news, events we attend, and offers available only to subscribers.',
     'MARKETING', 'NOT_SUBSCRIBED', 1),
    ('blog', 'Blog',
     'New articles: tips for our edge services, customer case studies and security trends.',
     'MARKETING', 'NOT_SUBSCRIBED', 2),
    ('products', 'Products and Services',
     'New features, new products and new locations in our global network.',
     'MARKETING', 'NOT_SUBSCRIBED', 3),
    ('support', 'Support Notice',
     'Notices from our network operations center: patches, network conditions and replies to support requests.',
     'OPERATIONAL', 'SUBSCRIBED', 4);

-- email
CREATE TABLE email_message (
    id VARCHAR(36) PRIMARY KEY,
    contact_id VARCHAR(36) NOT NULL REFERENCES contact (id),
    type_id VARCHAR(64) NOT NULL REFERENCES subscription_type (id),
    template VARCHAR(64) NOT NULL,
    dedupe_key VARCHAR(200) NOT NULL UNIQUE,
    status VARCHAR(20) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    subject VARCHAR(500),
    last_error VARCHAR(500),
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX email_message_due ON email_message (status, next_attempt_at);
CREATE INDEX email_message_contact ON email_message (contact_id);

-- The links of a sent message: the click redirect only leads to URLs listed here.
CREATE TABLE email_link (
    message_id VARCHAR(36) NOT NULL REFERENCES email_message (id),
    position INTEGER NOT NULL,
    url VARCHAR(2048) NOT NULL,
    PRIMARY KEY (message_id, position)
);

CREATE TABLE email_event (
    id VARCHAR(36) PRIMARY KEY,
    message_id VARCHAR(36) NOT NULL REFERENCES email_message (id),
    contact_id VARCHAR(36) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    detail VARCHAR(300),
    occurred_at BIGINT NOT NULL
);
CREATE INDEX email_event_contact ON email_event (contact_id, occurred_at);

CREATE TABLE mailbox_message (
    id VARCHAR(36) PRIMARY KEY,
    message_id VARCHAR(36) NOT NULL REFERENCES email_message (id),
    to_address VARCHAR(320) NOT NULL,
    from_address VARCHAR(320) NOT NULL,
    subject VARCHAR(500) NOT NULL,
    headers TEXT NOT NULL,
    html_body TEXT NOT NULL,
    text_body TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX mailbox_message_received ON mailbox_message (received_at);

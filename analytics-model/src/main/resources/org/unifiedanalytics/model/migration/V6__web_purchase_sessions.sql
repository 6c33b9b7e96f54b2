-- The session a web-analytics platform saw a purchase in (GA4's transaction id), with where the session came from.
-- When the transaction id is a store's order, the session becomes a touchpoint of that order's customer: the
-- platform never says who the visitor was, the store does.
CREATE TABLE web_purchase_session (
    platform                 VARCHAR(64)   NOT NULL,
    property_id              VARCHAR(256)  NOT NULL,
    transaction_id           VARCHAR(256)  NOT NULL,
    purchased_at             TIMESTAMP(6)  NOT NULL,
    source                   VARCHAR(512)  NOT NULL,
    medium                   VARCHAR(512)  NOT NULL,
    campaign                 VARCHAR(512)  NOT NULL,
    channel_group            VARCHAR(64)   NOT NULL,
    platform_channel_group   VARCHAR(128),
    revenue                  NUMERIC(18,4),
    currency                 CHAR(3),
    fetched_at               TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_web_purchase_session PRIMARY KEY (platform, property_id, transaction_id)
);
CREATE INDEX ix_web_purchase_session_transaction ON web_purchase_session (transaction_id);

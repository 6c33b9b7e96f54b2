-- The unified warehouse, version 1.
-- Written in the SQL that both H2 2.x and PostgreSQL accept, unqualified: Flyway runs it in the configured schema.
-- Every table a connector fills has a named natural unique key, so writing a record twice updates it.
-- Instants are TIMESTAMP(6) holding UTC; daily metrics keep the source's reporting date; money is NUMERIC(18,4) beside its currency.

-- Accounts and properties, one per source account: a TikTok account, a GA4 property, a Klaviyo account, a store.
CREATE TABLE source_account (
    platform        VARCHAR(64)  NOT NULL,
    account_id      VARCHAR(256) NOT NULL,
    name            VARCHAR(512),
    username        VARCHAR(256),
    time_zone       VARCHAR(64)  NOT NULL,
    currency        CHAR(3),
    updated_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_source_account PRIMARY KEY (platform, account_id)
);

-- Content: a video, a photo post, a reel, a short: anything a platform measures.
CREATE TABLE content (
    platform        VARCHAR(64)  NOT NULL,
    content_id      VARCHAR(256) NOT NULL,
    account_id      VARCHAR(256) NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    title           VARCHAR(4000),
    url             VARCHAR(2048),
    published_at    TIMESTAMP(6),
    duration_seconds NUMERIC(12,3),
    updated_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_content PRIMARY KEY (platform, content_id)
);
CREATE INDEX ix_content_account ON content (platform, account_id, published_at);

-- Content metrics per reporting date. counting = 'lifetime' for totals as of that date (TikTok),
-- 'daily' for the day's own increase; the view content_metric_increase gives the daily increase for both.
CREATE TABLE content_metric_daily (
    platform             VARCHAR(64)  NOT NULL,
    content_id           VARCHAR(256) NOT NULL,
    report_date          DATE         NOT NULL,
    account_id           VARCHAR(256) NOT NULL,
    counting             VARCHAR(16)  NOT NULL,
    views                BIGINT,
    reach                BIGINT,
    likes                BIGINT,
    comments             BIGINT,
    shares               BIGINT,
    saves                BIGINT,
    profile_visits       BIGINT,
    link_clicks          BIGINT,
    product_clicks       BIGINT,
    watch_time_seconds   NUMERIC(18,3),
    completion_rate      NUMERIC(9,6),
    followers_gained     BIGINT,
    attributed_gmv       NUMERIC(18,4),
    gmv_currency         CHAR(3),
    fetched_at           TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_content_metric_daily PRIMARY KEY (platform, content_id, report_date),
    CONSTRAINT ck_content_metric_counting CHECK (counting IN ('lifetime', 'daily'))
);
CREATE INDEX ix_content_metric_account_date ON content_metric_daily (platform, account_id, report_date);

-- Daily account metrics (followers, profile views, video views, ...), as the day's own values.
CREATE TABLE account_metric_daily (
    platform          VARCHAR(64)  NOT NULL,
    account_id        VARCHAR(256) NOT NULL,
    report_date       DATE         NOT NULL,
    followers         BIGINT,
    followers_gained  BIGINT,
    followers_lost    BIGINT,
    profile_views     BIGINT,
    video_views       BIGINT,
    likes             BIGINT,
    comments          BIGINT,
    shares            BIGINT,
    fetched_at        TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_account_metric_daily PRIMARY KEY (platform, account_id, report_date)
);

-- Daily web traffic by source / medium / campaign / landing page. Dimensions are never NULL
-- ('(not set)' as GA4 says it) so that the natural key is a real key on both databases.
-- users and new_users are not additive across rows or days.
CREATE TABLE web_traffic_daily (
    platform                 VARCHAR(64)   NOT NULL,
    property_id              VARCHAR(256)  NOT NULL,
    report_date              DATE          NOT NULL,
    source                   VARCHAR(512)  NOT NULL,
    medium                   VARCHAR(512)  NOT NULL,
    campaign                 VARCHAR(512)  NOT NULL,
    landing_page             VARCHAR(2048) NOT NULL,
    channel_group            VARCHAR(64)   NOT NULL,
    sessions                 BIGINT,
    users                    BIGINT,
    new_users                BIGINT,
    page_views               BIGINT,
    engaged_sessions         BIGINT,
    avg_session_duration_seconds NUMERIC(18,3),
    bounce_rate              NUMERIC(9,6),
    add_to_carts             BIGINT,
    checkouts                BIGINT,
    purchases                BIGINT,
    revenue                  NUMERIC(18,4),
    currency                 CHAR(3),
    fetched_at               TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_web_traffic_daily PRIMARY KEY (platform, property_id, report_date, source, medium, campaign, landing_page)
);

-- Email campaigns and their metrics per reporting date (lifetime totals as of that date, or the day's own).
CREATE TABLE email_campaign (
    platform        VARCHAR(64)  NOT NULL,
    campaign_id     VARCHAR(256) NOT NULL,
    account_id      VARCHAR(256) NOT NULL,
    name            VARCHAR(1024),
    subject         VARCHAR(2048),
    status          VARCHAR(64),
    send_time       TIMESTAMP(6),
    updated_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_email_campaign PRIMARY KEY (platform, campaign_id)
);

CREATE TABLE email_campaign_metric_daily (
    platform          VARCHAR(64)  NOT NULL,
    campaign_id       VARCHAR(256) NOT NULL,
    report_date       DATE         NOT NULL,
    account_id        VARCHAR(256) NOT NULL,
    counting          VARCHAR(16)  NOT NULL,
    recipients        BIGINT,
    delivered         BIGINT,
    opens             BIGINT,
    unique_opens      BIGINT,
    clicks            BIGINT,
    unique_clicks     BIGINT,
    conversions       BIGINT,
    conversion_value  NUMERIC(18,4),
    currency          CHAR(3),
    unsubscribes      BIGINT,
    bounces           BIGINT,
    spam_complaints   BIGINT,
    fetched_at        TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_email_campaign_metric_daily PRIMARY KEY (platform, campaign_id, report_date),
    CONSTRAINT ck_email_metric_counting CHECK (counting IN ('lifetime', 'daily'))
);

-- Orders from any store, with what the store knows of where the buyer came from.
CREATE TABLE sales_order (
    source_platform     VARCHAR(64)   NOT NULL,
    order_id            VARCHAR(256)  NOT NULL,
    store_id            VARCHAR(256)  NOT NULL,
    order_number        VARCHAR(256),
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    cancelled_at        TIMESTAMP(6),
    financial_status    VARCHAR(64),
    fulfillment_status  VARCHAR(64),
    currency            CHAR(3)       NOT NULL,
    subtotal            NUMERIC(18,4) NOT NULL,
    discounts           NUMERIC(18,4) NOT NULL,
    shipping            NUMERIC(18,4) NOT NULL,
    tax                 NUMERIC(18,4) NOT NULL,
    total               NUMERIC(18,4) NOT NULL,
    refunded            NUMERIC(18,4) NOT NULL,
    customer_key        VARCHAR(64),
    utm_source          VARCHAR(512),
    utm_medium          VARCHAR(512),
    utm_campaign        VARCHAR(512),
    utm_content         VARCHAR(512),
    utm_term            VARCHAR(512),
    referring_site      VARCHAR(2048),
    landing_page        VARCHAR(2048),
    attributed_content_id VARCHAR(256),
    CONSTRAINT pk_sales_order PRIMARY KEY (source_platform, order_id)
);
CREATE INDEX ix_sales_order_created ON sales_order (created_at);
CREATE INDEX ix_sales_order_customer ON sales_order (customer_key, created_at);

CREATE TABLE order_line (
    source_platform  VARCHAR(64)   NOT NULL,
    order_id         VARCHAR(256)  NOT NULL,
    line_id          VARCHAR(256)  NOT NULL,
    sku              VARCHAR(256),
    product_id       VARCHAR(256),
    variant_id       VARCHAR(256),
    title            VARCHAR(2048),
    quantity         INTEGER       NOT NULL,
    currency         CHAR(3)       NOT NULL,
    unit_price       NUMERIC(18,4) NOT NULL,
    discount         NUMERIC(18,4) NOT NULL,
    total            NUMERIC(18,4) NOT NULL,
    CONSTRAINT pk_order_line PRIMARY KEY (source_platform, order_id, line_id),
    CONSTRAINT ck_order_line_quantity CHECK (quantity >= 0)
);

-- Each refund its own row, so partial refunds over time are all kept.
CREATE TABLE order_refund (
    source_platform  VARCHAR(64)   NOT NULL,
    order_id         VARCHAR(256)  NOT NULL,
    refund_id        VARCHAR(256)  NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL,
    currency         CHAR(3)       NOT NULL,
    amount           NUMERIC(18,4) NOT NULL,
    reason           VARCHAR(2048),
    CONSTRAINT pk_order_refund PRIMARY KEY (source_platform, order_id, refund_id)
);

-- Touchpoints: one row per customer interaction. The columns attribution reads follow the attribution spec.
CREATE TABLE touchpoint (
    touchpoint_id    BIGINT GENERATED BY DEFAULT AS IDENTITY,
    customer_key     VARCHAR(64)  NOT NULL,
    occurred_at      TIMESTAMP(6) NOT NULL,
    touch_type       VARCHAR(64)  NOT NULL,
    channel          VARCHAR(64)  NOT NULL,
    channel_group    VARCHAR(64)  NOT NULL,
    source           VARCHAR(512),
    medium           VARCHAR(512),
    campaign         VARCHAR(512),
    content_id       VARCHAR(256),
    source_platform  VARCHAR(64)  NOT NULL,
    external_id      VARCHAR(256) NOT NULL,
    CONSTRAINT pk_touchpoint PRIMARY KEY (touchpoint_id),
    CONSTRAINT uk_touchpoint_external UNIQUE (source_platform, external_id)
);
CREATE INDEX ix_touchpoint_customer_time ON touchpoint (customer_key, occurred_at, touchpoint_id, channel);
CREATE INDEX ix_touchpoint_time ON touchpoint (occurred_at);

-- Conversions: orders count as conversions at net revenue; a host application can record its own.
CREATE TABLE conversion (
    conversion_id    BIGINT GENERATED BY DEFAULT AS IDENTITY,
    customer_key     VARCHAR(64),
    occurred_at      TIMESTAMP(6)  NOT NULL,
    revenue          NUMERIC(18,4) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    conversion_type  VARCHAR(64)   NOT NULL,
    source_platform  VARCHAR(64)   NOT NULL,
    external_id      VARCHAR(256)  NOT NULL,
    CONSTRAINT pk_conversion PRIMARY KEY (conversion_id),
    CONSTRAINT uk_conversion_external UNIQUE (source_platform, external_id),
    CONSTRAINT ck_conversion_revenue CHECK (revenue >= 0)
);
CREATE INDEX ix_conversion_customer_time ON conversion (customer_key, occurred_at);
CREATE INDEX ix_conversion_time ON conversion (occurred_at);

-- Identity links: which customer a platform's own user id belongs to.
CREATE TABLE identity_link (
    source_platform  VARCHAR(64)  NOT NULL,
    source_user_id   VARCHAR(256) NOT NULL,
    customer_key     VARCHAR(64)  NOT NULL,
    linked_at        TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_identity_link PRIMARY KEY (source_platform, source_user_id)
);
CREATE INDEX ix_identity_link_customer ON identity_link (customer_key);

-- Sync state: the checkpoint of one stream of one account of one connector instance.
CREATE TABLE sync_state (
    connector_instance VARCHAR(128) NOT NULL,
    account_id         VARCHAR(256) NOT NULL,
    stream             VARCHAR(128) NOT NULL,
    state              VARCHAR(8000) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_sync_state PRIMARY KEY (connector_instance, account_id, stream)
);

-- The log of sync runs.
CREATE TABLE sync_run (
    run_id             BIGINT GENERATED BY DEFAULT AS IDENTITY,
    connector_instance VARCHAR(128) NOT NULL,
    connector          VARCHAR(128) NOT NULL,
    account_id         VARCHAR(256) NOT NULL,
    stream             VARCHAR(128) NOT NULL,
    mode               VARCHAR(32)  NOT NULL,
    window_start       DATE,
    window_end         DATE,
    started_at         TIMESTAMP(6) NOT NULL,
    finished_at        TIMESTAMP(6),
    status             VARCHAR(32)  NOT NULL,
    records_read       BIGINT       NOT NULL,
    records_written    BIGINT       NOT NULL,
    error              VARCHAR(4000),
    CONSTRAINT pk_sync_run PRIMARY KEY (run_id),
    CONSTRAINT ck_sync_run_window CHECK (window_end IS NULL OR window_start IS NULL OR window_end >= window_start)
);
CREATE INDEX ix_sync_run_stream ON sync_run (connector_instance, stream, started_at);

-- The daily increase of every content metric, for lifetime snapshots and daily rows alike.
-- A lifetime snapshot's increase is its difference to the previous snapshot of the same content
-- (the first snapshot counts whole); a gap in snapshots puts the whole difference on the later day.
-- completion_rate is a ratio, not a counter: it is passed through as reported.
CREATE VIEW content_metric_increase AS
SELECT m.platform, m.content_id, m.report_date, m.account_id,
       CASE WHEN m.counting = 'daily' THEN m.views ELSE m.views - COALESCE(LAG(m.views) OVER w, 0) END AS views,
       CASE WHEN m.counting = 'daily' THEN m.reach ELSE m.reach - COALESCE(LAG(m.reach) OVER w, 0) END AS reach,
       CASE WHEN m.counting = 'daily' THEN m.likes ELSE m.likes - COALESCE(LAG(m.likes) OVER w, 0) END AS likes,
       CASE WHEN m.counting = 'daily' THEN m.comments ELSE m.comments - COALESCE(LAG(m.comments) OVER w, 0) END AS comments,
       CASE WHEN m.counting = 'daily' THEN m.shares ELSE m.shares - COALESCE(LAG(m.shares) OVER w, 0) END AS shares,
       CASE WHEN m.counting = 'daily' THEN m.saves ELSE m.saves - COALESCE(LAG(m.saves) OVER w, 0) END AS saves,
       CASE WHEN m.counting = 'daily' THEN m.profile_visits ELSE m.profile_visits - COALESCE(LAG(m.profile_visits) OVER w, 0) END AS profile_visits,
       CASE WHEN m.counting = 'daily' THEN m.link_clicks ELSE m.link_clicks - COALESCE(LAG(m.link_clicks) OVER w, 0) END AS link_clicks,
       CASE WHEN m.counting = 'daily' THEN m.product_clicks ELSE m.product_clicks - COALESCE(LAG(m.product_clicks) OVER w, 0) END AS product_clicks,
       CASE WHEN m.counting = 'daily' THEN m.watch_time_seconds ELSE m.watch_time_seconds - COALESCE(LAG(m.watch_time_seconds) OVER w, 0) END AS watch_time_seconds,
       CASE WHEN m.counting = 'daily' THEN m.followers_gained ELSE m.followers_gained - COALESCE(LAG(m.followers_gained) OVER w, 0) END AS followers_gained,
       CASE WHEN m.counting = 'daily' THEN m.attributed_gmv ELSE m.attributed_gmv - COALESCE(LAG(m.attributed_gmv) OVER w, 0) END AS attributed_gmv,
       m.gmv_currency,
       m.completion_rate
FROM content_metric_daily m
WINDOW w AS (PARTITION BY m.platform, m.content_id ORDER BY m.report_date);

-- What a web-analytics platform says beside its numbers (GA4).
-- web_traffic_daily keeps the platform's own channel label beside the SDK's channel group, and key events
-- (GA4 counts them as a decimal when an event is counted by a parameter value).
ALTER TABLE web_traffic_daily ADD COLUMN platform_channel_group VARCHAR(128);
ALTER TABLE web_traffic_daily ADD COLUMN key_events NUMERIC(18,3);

-- One row per property, reporting date and report: the zone and currency the numbers are in, and whether
-- the platform rolled rows into "(other)", withheld rows below privacy thresholds, or sampled.
CREATE TABLE web_report_quality (
    platform                 VARCHAR(64)  NOT NULL,
    property_id              VARCHAR(256) NOT NULL,
    report_date              DATE         NOT NULL,
    report                   VARCHAR(64)  NOT NULL,
    time_zone                VARCHAR(64)  NOT NULL,
    currency                 CHAR(3),
    data_loss_from_other_row BOOLEAN      NOT NULL,
    subject_to_thresholding  BOOLEAN      NOT NULL,
    sampled                  BOOLEAN      NOT NULL,
    samples_read_count       BIGINT,
    sampling_space_size      BIGINT,
    fetched_at               TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_web_report_quality PRIMARY KEY (platform, property_id, report_date, report)
);

-- User counts are not additive across rows or days: each is stored for the exact period the platform
-- counted it over (a day, an ISO week, a month), and no query sums them.
CREATE TABLE web_user_totals (
    platform      VARCHAR(64)  NOT NULL,
    property_id   VARCHAR(256) NOT NULL,
    period_start  DATE         NOT NULL,
    period_end    DATE         NOT NULL,
    total_users   BIGINT,
    new_users     BIGINT,
    active_users  BIGINT,
    fetched_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_web_user_totals PRIMARY KEY (platform, property_id, period_start, period_end),
    CONSTRAINT ck_web_user_totals_period CHECK (period_end >= period_start)
);

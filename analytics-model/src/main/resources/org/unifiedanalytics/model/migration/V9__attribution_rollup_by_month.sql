-- The daily rollup of attribution credits summed again by month: a query over whole months reads these rows (twelve a
-- year for a group, instead of 365). Credits computed before it are dropped, to be computed again on first use with
-- both rollups.
CREATE TABLE attribution_rollup_month (
    unit_id          BIGINT       NOT NULL,
    conversion_month DATE         NOT NULL,
    currency         CHAR(3)      NOT NULL,
    group_key        VARCHAR(600) NOT NULL,
    credit_units     BIGINT       NOT NULL,
    revenue_units    BIGINT       NOT NULL,
    credit_rows      BIGINT       NOT NULL,
    CONSTRAINT pk_attribution_rollup_month PRIMARY KEY (unit_id, conversion_month, currency, group_key)
);
DELETE FROM attribution_rollup;
DELETE FROM attribution_credit;
DELETE FROM attribution_unit;

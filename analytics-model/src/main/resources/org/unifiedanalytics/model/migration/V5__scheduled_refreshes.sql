-- The table of the optional scheduler (db-scheduler's layout), under a name of the SDK's own in the SDK's schema,
-- so that it never meets a host application's own db-scheduler table. One row per task instance: a connector's
-- recurring refresh, or a one-off backfill. BYTEA is binary on PostgreSQL and an alias of VARBINARY on H2.
CREATE TABLE analytics_scheduled_tasks (
    task_name            VARCHAR(200) NOT NULL,
    task_instance        VARCHAR(500) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    CONSTRAINT pk_analytics_scheduled_tasks PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution_time ON analytics_scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON analytics_scheduled_tasks (last_heartbeat);

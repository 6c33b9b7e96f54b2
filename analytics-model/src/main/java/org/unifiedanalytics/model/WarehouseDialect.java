package org.unifiedanalytics.model;

import org.jooq.SQLDialect;

/** The databases the warehouse runs on. */
public enum WarehouseDialect {
    /** H2 2.x, embedded: the default, with no set-up. */
    H2(SQLDialect.H2),
    /** PostgreSQL 12 or newer: for production. */
    POSTGRES(SQLDialect.POSTGRES);

    private final SQLDialect jooqDialect;

    WarehouseDialect(SQLDialect jooqDialect) {
        this.jooqDialect = jooqDialect;
    }

    /** The jOOQ dialect that renders this database's SQL. */
    public SQLDialect jooqDialect() {
        return jooqDialect;
    }
}

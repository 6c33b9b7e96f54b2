package org.unifiedanalytics.model.testing;

import org.unifiedanalytics.model.Warehouse;

/** A warehouse made for one test, and what undoes it. */
public final class TestWarehouse implements AutoCloseable {
    private final Warehouse warehouse;
    private final Runnable cleanUp;

    TestWarehouse(Warehouse warehouse, Runnable cleanUp) {
        this.warehouse = warehouse;
        this.cleanUp = cleanUp;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    /** The warehouse, migrated. */
    public Warehouse migrated() {
        warehouse.migrate();
        return warehouse;
    }

    @Override
    public void close() {
        try {
            cleanUp.run();
        } finally {
            warehouse.close();
        }
    }

    @Override
    public String toString() {
        return warehouse.dialect().toString();
    }
}

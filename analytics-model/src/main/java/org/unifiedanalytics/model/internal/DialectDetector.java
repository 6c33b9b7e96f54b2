package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.WarehouseDialect;

/** Tells which database a data source leads to, from its JDBC metadata. */
public final class DialectDetector {
    private DialectDetector() {
    }

    public static WarehouseDialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.equalsIgnoreCase("H2")) {
                return WarehouseDialect.H2;
            }
            if (product.equalsIgnoreCase("PostgreSQL")) {
                return WarehouseDialect.POSTGRES;
            }
            throw new AnalyticsException("unsupported database '" + product
                    + "': the warehouse runs on H2 and PostgreSQL");
        } catch (SQLException e) {
            throw new AnalyticsException("cannot connect to the warehouse database: " + e.getMessage(), e);
        }
    }
}

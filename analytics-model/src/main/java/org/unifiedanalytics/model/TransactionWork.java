package org.unifiedanalytics.model;

/**
 * Work done in one warehouse transaction; see {@link Warehouse#inTransaction(TransactionWork)}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(WarehouseTransaction transaction) throws Exception;
}

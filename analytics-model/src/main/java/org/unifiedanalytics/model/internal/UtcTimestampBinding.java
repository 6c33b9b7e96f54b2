package org.unifiedanalytics.model.internal;

import java.sql.SQLException;
import java.time.LocalDateTime;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.impl.DefaultBinding;
import org.jooq.impl.SQLDataType;

/**
 * Binds the warehouse's timestamps (UTC wall-clock values in columns without a zone) as {@link LocalDateTime}
 * straight through JDBC 4.2, whatever the JVM's time zone.
 *
 * <p>Why: jOOQ binds and reads {@code LocalDateTime} through {@code java.sql.Timestamp}, which interprets the
 * value in the JVM's zone. A value that falls in that zone's spring-forward gap moves by the gap (in
 * Pacific/Auckland, 2026-09-27T02:30 becomes 03:30), and old values by the zone's historic offsets; both H2 and
 * pgJDBC take {@code LocalDateTime} as it is. Rendering SQL stays jOOQ's.
 */
public final class UtcTimestampBinding implements Binding<LocalDateTime, LocalDateTime> {
    private static final Binding<LocalDateTime, LocalDateTime> DEFAULT = DefaultBinding.binding(SQLDataType.LOCALDATETIME);

    /** The warehouse's timestamp type with this binding, for fields jOOQ does not know from the generated tables. */
    public static final DataType<LocalDateTime> TYPE = SQLDataType.LOCALDATETIME.asConvertedDataType(new UtcTimestampBinding());

    @Override
    public Converter<LocalDateTime, LocalDateTime> converter() {
        return DEFAULT.converter();
    }

    @Override
    public void sql(BindingSQLContext<LocalDateTime> ctx) throws SQLException {
        DEFAULT.sql(ctx);
    }

    @Override
    public void register(BindingRegisterContext<LocalDateTime> ctx) throws SQLException {
        DEFAULT.register(ctx);
    }

    @Override
    public void set(BindingSetStatementContext<LocalDateTime> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), java.sql.Types.TIMESTAMP);
        } else {
            ctx.statement().setObject(ctx.index(), ctx.value());
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<LocalDateTime> ctx) throws SQLException {
        DEFAULT.set(ctx);
    }

    @Override
    public void get(BindingGetResultSetContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(BindingGetStatementContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.statement().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(BindingGetSQLInputContext<LocalDateTime> ctx) throws SQLException {
        DEFAULT.get(ctx);
    }
}

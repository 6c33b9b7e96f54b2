package org.unifiedanalytics.ingest.internal;

import static org.unifiedanalytics.model.schema.Tables.SYNC_STATE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.unifiedanalytics.model.AnalyticsException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes checkpoints in {@code sync_state}, inside the caller's transaction. */
public final class StateStore {
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private final Clock clock;

    public StateStore(Clock clock) {
        this.clock = clock;
    }

    public StreamState load(DSLContext dsl, String instance, String account, String stream) {
        String text = dsl.select(SYNC_STATE.STATE).from(SYNC_STATE)
                .where(SYNC_STATE.CONNECTOR_INSTANCE.eq(instance), SYNC_STATE.ACCOUNT_ID.eq(account),
                        SYNC_STATE.STREAM.eq(stream))
                .fetchOne(SYNC_STATE.STATE);
        if (text == null) {
            return StreamState.EMPTY;
        }
        try {
            return json.readValue(text, StreamState.class);
        } catch (JsonProcessingException e) {
            throw new AnalyticsException("the stored checkpoint of " + instance + "/" + account + "/" + stream
                    + " cannot be read (" + e.getOriginalMessage() + "); reset it to sync again from scratch", e);
        }
    }

    public void save(DSLContext dsl, String instance, String account, String stream, StreamState state) {
        String text;
        try {
            text = json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint that cannot be written as JSON", e);
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = dsl.update(SYNC_STATE).set(SYNC_STATE.STATE, text).set(SYNC_STATE.UPDATED_AT, now)
                .where(SYNC_STATE.CONNECTOR_INSTANCE.eq(instance), SYNC_STATE.ACCOUNT_ID.eq(account),
                        SYNC_STATE.STREAM.eq(stream))
                .execute();
        if (updated == 0) {
            dsl.insertInto(SYNC_STATE, SYNC_STATE.CONNECTOR_INSTANCE, SYNC_STATE.ACCOUNT_ID, SYNC_STATE.STREAM,
                    SYNC_STATE.STATE, SYNC_STATE.UPDATED_AT).values(instance, account, stream, text, now).execute();
        }
    }

    public void delete(DSLContext dsl, String instance, String account, String stream) {
        dsl.deleteFrom(SYNC_STATE).where(SYNC_STATE.CONNECTOR_INSTANCE.eq(instance), SYNC_STATE.ACCOUNT_ID.eq(account),
                SYNC_STATE.STREAM.eq(stream)).execute();
    }
}

package org.unifiedanalytics.connect.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class JsonFieldsTest {
    private final JsonNode node = new JsonSupport().parse("{\"caption\":\"hi\",\"year\":2024,\"id\":7312345678901234567,"
            + "\"price\":0.0000001,\"flag\":true,\"empty\":\"\",\"none\":null,\"object\":{\"a\":1},\"list\":[1]}", "GET /x", 200);

    @Test
    void a_string_is_its_text() {
        assertThat(JsonFields.text(node, "caption")).hasValue("hi");
    }

    @Test
    void a_number_or_a_boolean_where_a_string_is_documented_keeps_its_text_without_an_exponent() {
        assertThat(JsonFields.text(node, "year")).hasValue("2024");
        assertThat(JsonFields.text(node, "id")).hasValue("7312345678901234567");
        assertThat(JsonFields.text(node, "price")).hasValue("0.0000001");
        assertThat(JsonFields.text(node, "flag")).hasValue("true");
    }

    @Test
    void empty_null_missing_objects_and_arrays_are_absent() {
        assertThat(JsonFields.text(node, "empty")).isEmpty();
        assertThat(JsonFields.text(node, "none")).isEmpty();
        assertThat(JsonFields.text(node, "missing")).isEmpty();
        assertThat(JsonFields.text(node, "object")).isEmpty();
        assertThat(JsonFields.text(node, "list")).isEmpty();
    }
}

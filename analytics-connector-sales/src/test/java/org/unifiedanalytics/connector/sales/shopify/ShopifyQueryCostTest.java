package org.unifiedanalytics.connector.sales.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.testkit.fakes.ShopifyQueryCost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The connector's own reckoning of its queries' cost agrees with Shopify's rules as the test kit computes them. */
class ShopifyQueryCostTest {
    private final ObjectNode variables = new ObjectMapper().createObjectNode();

    @Test
    void a_full_page_of_orders_costs_what_the_connector_reckons_and_stays_under_the_limit() {
        variables.put("first", ShopifyOrderPages.MAX_ORDERS_PER_PAGE);

        int cost = ShopifyQueryCost.requested(ShopifyOrderPages.QUERY, variables);

        assertThat(cost).isEqualTo(2 + ShopifyOrderPages.MAX_ORDERS_PER_PAGE * ShopifyOrderPages.ORDER_COST);
        assertThat(cost).isLessThanOrEqualTo(ShopifyQueryCost.MAX);
        assertThat(ShopifyOrderPages.MAX_ORDERS_PER_PAGE).isEqualTo(13);
    }

    @Test
    void reading_the_rest_of_a_long_orders_lines_stays_under_the_limit() {
        assertThat(ShopifyQueryCost.requested(ShopifyOrderPages.MORE_LINES, variables)).isLessThanOrEqualTo(ShopifyQueryCost.MAX);
    }

    @Test
    void the_query_of_the_first_release_would_be_refused() {
        String old = ShopifyOrderPages.QUERY.replace("lineItems(first: " + ShopifyOrderPages.LINES_WITH_ORDER + ")", "lineItems(first: 100)");
        variables.put("first", 50);

        assertThat(ShopifyQueryCost.requested(old, variables)).isGreaterThan(30_000);
    }
}

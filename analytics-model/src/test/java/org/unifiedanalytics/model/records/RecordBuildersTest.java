package org.unifiedanalytics.model.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.model.InvalidRecordsException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/** The builders name every field, fill what has an obvious value, and refuse a record the warehouse would refuse. */
class RecordBuildersTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final CustomerKey ADA = CustomerKey.fromEmail("ada@example.com");

    private static Touchpoint.Builder visit() {
        return Touchpoint.builder().sourcePlatform("popup_store").externalId("v01").customerKey(ADA).occurredAt(AT)
                .touchType("session").channel("tiktok");
    }

    @Test
    void a_touchpoint_without_a_channel_group_gets_the_one_ga4_gives_its_source_and_medium() {
        assertThat(visit().source("tiktok").medium("social").build().channelGroup()).isEqualTo(ChannelGroup.ORGANIC_SOCIAL);
        assertThat(visit().build().channelGroup()).isEqualTo(ChannelGroup.DIRECT);
    }

    @Test
    void a_touchpoint_missing_required_fields_names_each_of_them_at_once() {
        assertThatThrownBy(() -> Touchpoint.builder().sourcePlatform("popup_store").externalId("v01").occurredAt(AT)
                .channel("TikTok").build())
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageStartingWith("Touchpoint[popup_store/v01] cannot be built: ")
                .hasMessageContaining("field 'customerKey': is required")
                .hasMessageContaining("field 'touchType': is required")
                .hasMessageContaining("field 'channel': is lower case by convention")
                .satisfies(e -> assertThat(((InvalidRecordsException) e).violations()).hasSize(3));
    }

    @Test
    void an_order_needs_only_its_key_creation_time_and_total_and_defaults_the_rest_like_the_csv_import() {
        SalesOrder order = SalesOrder.builder().sourcePlatform("popup_store").orderId("1001").createdAt(AT)
                .total(Money.of("42.00", "EUR")).customerKey(ADA).build();

        assertThat(order.storeId()).isEqualTo("popup_store");
        assertThat(order.updatedAt()).isEqualTo(AT);
        assertThat(order.subtotal()).isEqualTo(Money.of("42.00", "EUR"));
        assertThat(List.of(order.discounts(), order.shipping(), order.tax(), order.refunded()))
                .containsOnly(Money.of("0", "EUR"));
        assertThat(order.utm()).isEqualTo(Utm.NONE);
    }

    @Test
    void an_order_with_amounts_in_two_currencies_is_refused() {
        assertThatThrownBy(() -> SalesOrder.builder().sourcePlatform("popup_store").orderId("1001").createdAt(AT)
                .total(Money.of("42.00", "EUR")).shipping(Money.of("5.00", "USD")).build())
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("field 'shipping': is in USD but");
    }

    @Test
    void an_order_without_a_total_says_so() {
        assertThatThrownBy(() -> SalesOrder.builder().sourcePlatform("popup_store").orderId("1001").createdAt(AT).build())
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("field 'total': is required");
    }

    @Test
    void a_line_costs_its_quantity_times_its_unit_price_less_its_discount_unless_told_otherwise() {
        OrderLine line = OrderLine.builder().sourcePlatform("popup_store").orderId("1001").lineId("1").quantity(3)
                .unitPrice(Money.of("21.00", "EUR")).discount(Money.of("2.50", "EUR")).build();

        assertThat(line.total()).isEqualTo(Money.of("60.50", "EUR"));
        assertThat(OrderLine.builder().sourcePlatform("popup_store").orderId("1001").lineId("2")
                .unitPrice(Money.of("9.99", "EUR")).build())
                .extracting(OrderLine::quantity, OrderLine::discount, OrderLine::total)
                .containsExactly(1, Money.of("0", "EUR"), Money.of("9.99", "EUR"));
    }

    @Test
    void account_metrics_are_refused_when_negative() {
        assertThatThrownBy(() -> AccountMetrics.builder().platform("tiktok").accountId("brand")
                .reportDate(LocalDate.parse("2026-03-01")).followersGained(-4L).build())
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("field 'followersGained': must not be negative");
    }

    @Test
    void web_traffic_without_a_channel_group_gets_ga4s_and_email_metrics_need_their_counting() {
        WebTraffic day = WebTraffic.builder().platform("ga4").propertyId("123456789").reportDate(LocalDate.parse("2026-03-01"))
                .source("newsletter").medium("email").sessions(40L).build();

        assertThat(day.channelGroup()).isEqualTo(ChannelGroup.EMAIL);
        assertThatThrownBy(() -> EmailCampaignMetrics.builder().platform("klaviyo").campaignId("c1")
                .reportDate(LocalDate.parse("2026-03-01")).accountId("acme").uniqueOpens(310L).build())
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("field 'counting': is required");
    }

    @OnEachDatabase
    void what_the_builders_build_the_warehouse_stores(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            var result = warehouse.write(List.of(visit().build(),
                    SalesOrder.builder().sourcePlatform("popup_store").orderId("1001").createdAt(AT)
                            .total(Money.of("42.00", "EUR")).customerKey(ADA).build(),
                    OrderLine.builder().sourcePlatform("popup_store").orderId("1001").lineId("1").quantity(2)
                            .unitPrice(Money.of("21.00", "EUR")).build(),
                    AccountMetrics.builder().platform("tiktok").accountId("brand").reportDate(LocalDate.parse("2026-03-01"))
                            .followers(12_400L).build(),
                    WebTraffic.builder().platform("ga4").propertyId("123456789").reportDate(LocalDate.parse("2026-03-01"))
                            .source("tiktok").medium("social").landingPage("/mugs").sessions(40L).build(),
                    EmailCampaignMetrics.builder().platform("klaviyo").campaignId("c1").reportDate(LocalDate.parse("2026-03-01"))
                            .accountId("acme").counting(Counting.LIFETIME).recipients(1_000L).build()));

            assertThat(result.recordsWritten()).isEqualTo(6);
        }
    }
}

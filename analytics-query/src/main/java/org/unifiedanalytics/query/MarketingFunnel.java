package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The 7-stage organic marketing funnel of a period: awareness, engagement, interest, consideration,
 * intent, conversion, loyalty; plus the customers who bought and the share who bought again.
 *
 * @param purchasingCustomers distinct identified customers with an order in the period
 * @param repeatPurchaseRate  loyalty over purchasing customers
 */
public record MarketingFunnel(List<FunnelStage> stages, long purchasingCustomers, Optional<BigDecimal> repeatPurchaseRate) {

    public MarketingFunnel {
        stages = List.copyOf(stages);
    }

    public FunnelStage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no funnel stage '" + name + "'"));
    }
}

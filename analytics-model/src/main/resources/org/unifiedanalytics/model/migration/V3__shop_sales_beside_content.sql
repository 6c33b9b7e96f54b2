-- What a shop sold through a content item or a product, beside the GMV a platform credits to it
-- (TikTok Shop's seller analytics): orders, units sold, and the click-through rate as a fraction 0..1.
ALTER TABLE content_metric_daily ADD COLUMN orders BIGINT;
ALTER TABLE content_metric_daily ADD COLUMN units_sold BIGINT;
ALTER TABLE content_metric_daily ADD COLUMN click_through_rate NUMERIC(9,6);

-- The view gains the new counters (as daily increases) and passes the rate through, like completion_rate.
DROP VIEW content_metric_increase;
CREATE VIEW content_metric_increase AS
SELECT m.platform, m.content_id, m.report_date, m.account_id,
       CASE WHEN m.counting = 'daily' THEN m.views ELSE m.views - COALESCE(LAG(m.views) OVER w, 0) END AS views,
       CASE WHEN m.counting = 'daily' THEN m.reach ELSE m.reach - COALESCE(LAG(m.reach) OVER w, 0) END AS reach,
       CASE WHEN m.counting = 'daily' THEN m.likes ELSE m.likes - COALESCE(LAG(m.likes) OVER w, 0) END AS likes,
       CASE WHEN m.counting = 'daily' THEN m.comments ELSE m.comments - COALESCE(LAG(m.comments) OVER w, 0) END AS comments,
       CASE WHEN m.counting = 'daily' THEN m.shares ELSE m.shares - COALESCE(LAG(m.shares) OVER w, 0) END AS shares,
       CASE WHEN m.counting = 'daily' THEN m.saves ELSE m.saves - COALESCE(LAG(m.saves) OVER w, 0) END AS saves,
       CASE WHEN m.counting = 'daily' THEN m.profile_visits ELSE m.profile_visits - COALESCE(LAG(m.profile_visits) OVER w, 0) END AS profile_visits,
       CASE WHEN m.counting = 'daily' THEN m.link_clicks ELSE m.link_clicks - COALESCE(LAG(m.link_clicks) OVER w, 0) END AS link_clicks,
       CASE WHEN m.counting = 'daily' THEN m.product_clicks ELSE m.product_clicks - COALESCE(LAG(m.product_clicks) OVER w, 0) END AS product_clicks,
       CASE WHEN m.counting = 'daily' THEN m.watch_time_seconds ELSE m.watch_time_seconds - COALESCE(LAG(m.watch_time_seconds) OVER w, 0) END AS watch_time_seconds,
       CASE WHEN m.counting = 'daily' THEN m.followers_gained ELSE m.followers_gained - COALESCE(LAG(m.followers_gained) OVER w, 0) END AS followers_gained,
       CASE WHEN m.counting = 'daily' THEN m.attributed_gmv ELSE m.attributed_gmv - COALESCE(LAG(m.attributed_gmv) OVER w, 0) END AS attributed_gmv,
       m.gmv_currency,
       m.completion_rate,
       CASE WHEN m.counting = 'daily' THEN m.orders ELSE m.orders - COALESCE(LAG(m.orders) OVER w, 0) END AS orders,
       CASE WHEN m.counting = 'daily' THEN m.units_sold ELSE m.units_sold - COALESCE(LAG(m.units_sold) OVER w, 0) END AS units_sold,
       m.click_through_rate
FROM content_metric_daily m
WINDOW w AS (PARTITION BY m.platform, m.content_id ORDER BY m.report_date);

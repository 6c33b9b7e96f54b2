package org.unifiedanalytics.model.values;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Maps a {@link TrafficSource} (source, medium, campaign) to a {@link ChannelGroup}, following the
 * published rules of GA4's default channel grouping, evaluated in GA4's order; the first rule that
 * matches wins and nothing matching gives {@link ChannelGroup#UNASSIGNED}.
 *
 * <p>It is immutable and thread-safe. Users adapt it through {@link #builder()}: rules of their own are
 * evaluated before GA4's, and each source category's site list can be extended.
 *
 * <pre>{@code
 * ChannelClassifier classifier = ChannelClassifier.builder()
 *         .addRule(ChannelGroup.of("Influencers"), s -> s.medium().equals("influencer"))
 *         .addSources(SourceCategory.SOCIAL, "lemon8")
 *         .build();
 * classifier.classify("tiktok", "social", "spring");   // Organic Social
 * }</pre>
 */
public final class ChannelClassifier {

    private static final Pattern PAID_MEDIUM = Pattern.compile("^(.*cp.*|ppc|retargeting|paid.*)$");
    private static final Pattern SHOPPING_CAMPAIGN = Pattern.compile("^(.*(([^a-df-z]|^)shop|shopping).*)$");
    private static final Pattern VIDEO_MEDIUM = Pattern.compile("^(.*video.*)$");
    private static final Set<String> DISPLAY_MEDIA = Set.of("display", "banner", "expandable", "interstitial", "cpm");
    private static final Set<String> SOCIAL_MEDIA = Set.of("social", "social-network", "social-media", "sm", "social network", "social media");
    private static final Set<String> EMAIL_NAMES = Set.of("email", "e-mail", "e_mail", "e mail");
    private static final Set<String> REFERRAL_MEDIA = Set.of("referral", "app", "link");

    /** The sites of GA4's source categories that matter most; extend them with {@link Builder#addSources}. */
    private static final Map<SourceCategory, List<String>> DEFAULT_SOURCES = Map.of(
            SourceCategory.SHOPPING, List.of("amazon", "ebay", "etsy", "shopify", "walmart", "alibaba", "aliexpress",
                    "mercadolibre", "rakuten", "target", "igshopping", "shopping.google", "shop.app", "shopzilla",
                    "stripe", "checkout.shopify", "zalando", "wish", "temu"),
            SourceCategory.SEARCH, List.of("google", "bing", "baidu", "yahoo", "duckduckgo", "yandex", "ecosia",
                    "naver", "seznam", "ask", "aol", "search.brave", "startpage", "qwant", "so.com", "sogou", "daum"),
            SourceCategory.SOCIAL, List.of("facebook", "fb", "instagram", "ig", "tiktok", "twitter", "t.co", "x.com",
                    "linkedin", "lnkd.in", "pinterest", "reddit", "snapchat", "tumblr", "threads", "whatsapp",
                    "messenger", "quora", "vk", "weibo", "wechat", "discord", "line", "mastodon", "bsky", "lemon8"),
            SourceCategory.VIDEO, List.of("youtube", "youtu.be", "vimeo", "twitch", "dailymotion", "wistia", "bilibili"));

    private static final ChannelClassifier GA4_DEFAULT = builder().build();

    private final List<Rule> rules;
    private final Map<SourceCategory, List<String>> sources;

    private ChannelClassifier(List<Rule> customRules, Map<SourceCategory, List<String>> sources) {
        this.sources = sources;
        List<Rule> all = new ArrayList<>(customRules);
        all.addAll(ga4Rules());
        this.rules = List.copyOf(all);
    }

    /** GA4's default channel grouping, as published. */
    public static ChannelClassifier ga4Default() {
        return GA4_DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The channel group of a source, medium and campaign; any of them may be null or blank. */
    public ChannelGroup classify(String source, String medium, String campaign) {
        return classify(TrafficSource.of(source, medium, campaign));
    }

    public ChannelGroup classify(TrafficSource traffic) {
        Objects.requireNonNull(traffic, "traffic");
        for (Rule rule : rules) {
            if (rule.condition().test(traffic)) {
                return rule.group();
            }
        }
        return ChannelGroup.UNASSIGNED;
    }

    /** Whether the source is one of the category's sites: {@code m.facebook.com} and {@code facebook} are both Facebook. */
    public boolean isSourceIn(SourceCategory category, String source) {
        String host = source.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        for (String site : sources.get(category)) {
            if (host.equals(site) || host.startsWith(site + ".") || host.endsWith("." + site)
                    || host.contains("." + site + ".")) {
                return true;
            }
        }
        return false;
    }

    private List<Rule> ga4Rules() {
        Predicate<TrafficSource> paid = t -> PAID_MEDIUM.matcher(t.medium()).matches();
        Predicate<TrafficSource> shopping = t -> isSourceIn(SourceCategory.SHOPPING, t.source())
                || SHOPPING_CAMPAIGN.matcher(t.campaign()).matches();
        Predicate<TrafficSource> search = t -> isSourceIn(SourceCategory.SEARCH, t.source());
        Predicate<TrafficSource> social = t -> isSourceIn(SourceCategory.SOCIAL, t.source());
        Predicate<TrafficSource> video = t -> isSourceIn(SourceCategory.VIDEO, t.source());
        return List.of(
                new Rule(ChannelGroup.DIRECT, t -> t.source().equals(TrafficSource.DIRECT_SOURCE)
                        && (t.medium().equals(TrafficSource.NO_MEDIUM) || t.medium().equals(TrafficSource.NOT_SET))),
                new Rule(ChannelGroup.CROSS_NETWORK, t -> t.campaign().contains("cross-network")),
                new Rule(ChannelGroup.PAID_SHOPPING, shopping.and(paid)),
                new Rule(ChannelGroup.PAID_SEARCH, search.and(paid)),
                new Rule(ChannelGroup.PAID_SOCIAL, social.and(paid)),
                new Rule(ChannelGroup.PAID_VIDEO, video.and(paid)),
                new Rule(ChannelGroup.DISPLAY, t -> DISPLAY_MEDIA.contains(t.medium())),
                new Rule(ChannelGroup.PAID_OTHER, paid),
                new Rule(ChannelGroup.ORGANIC_SHOPPING, shopping),
                new Rule(ChannelGroup.ORGANIC_SOCIAL, social.or(t -> SOCIAL_MEDIA.contains(t.medium()))),
                new Rule(ChannelGroup.ORGANIC_VIDEO, video.or(t -> VIDEO_MEDIUM.matcher(t.medium()).matches())),
                new Rule(ChannelGroup.ORGANIC_SEARCH, search.or(t -> t.medium().equals("organic"))),
                new Rule(ChannelGroup.REFERRAL, t -> REFERRAL_MEDIA.contains(t.medium())),
                new Rule(ChannelGroup.EMAIL, t -> EMAIL_NAMES.contains(t.source()) || EMAIL_NAMES.contains(t.medium())),
                new Rule(ChannelGroup.AFFILIATES, t -> t.medium().equals("affiliate")),
                new Rule(ChannelGroup.AUDIO, t -> t.medium().equals("audio")),
                new Rule(ChannelGroup.SMS, t -> t.source().equals("sms") || t.medium().equals("sms")),
                new Rule(ChannelGroup.MOBILE_PUSH_NOTIFICATIONS, t -> t.medium().endsWith("push")
                        || t.medium().contains("mobile") || t.medium().contains("notification")
                        || t.source().equals("firebase")));
    }

    private record Rule(ChannelGroup group, Predicate<TrafficSource> condition) {
    }

    /** Builds a classifier: custom rules first, in the order added, then GA4's rules. Not thread-safe. */
    public static final class Builder {
        private final List<Rule> customRules = new ArrayList<>();
        private final Map<SourceCategory, List<String>> sources = new EnumMap<>(SourceCategory.class);

        private Builder() {
            DEFAULT_SOURCES.forEach((category, sites) -> sources.put(category, new ArrayList<>(sites)));
        }

        /** A rule evaluated before GA4's rules (and after rules added earlier). */
        public Builder addRule(ChannelGroup group, Predicate<TrafficSource> condition) {
            customRules.add(new Rule(Objects.requireNonNull(group, "group"), Objects.requireNonNull(condition, "condition")));
            return this;
        }

        /** More sites for a source category, as host names or bare names ({@code "lemon8"}, {@code "news.ycombinator.com"}). */
        public Builder addSources(SourceCategory category, String... sites) {
            Objects.requireNonNull(category, "category");
            for (String site : sites) {
                if (site == null || site.isBlank()) {
                    throw new IllegalArgumentException("a source site must not be blank (category " + category + ")");
                }
                sources.get(category).add(site.strip().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        public ChannelClassifier build() {
            Map<SourceCategory, List<String>> copy = new EnumMap<>(SourceCategory.class);
            sources.forEach((category, sites) -> copy.put(category, List.copyOf(sites)));
            return new ChannelClassifier(customRules, copy);
        }
    }
}

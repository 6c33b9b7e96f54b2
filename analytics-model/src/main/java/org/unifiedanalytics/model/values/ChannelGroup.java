package org.unifiedanalytics.model.values;

import java.util.List;
import java.util.Objects;

/**
 * A channel group in the sense of GA4's default channel grouping ("Organic Social", "Email", ...).
 * The constants are GA4's default groups; a user's own classifier rules may name groups of their own.
 *
 * @param name the display name, stored as is in the warehouse
 */
public record ChannelGroup(String name) {

    public static final ChannelGroup DIRECT = new ChannelGroup("Direct");
    public static final ChannelGroup CROSS_NETWORK = new ChannelGroup("Cross-network");
    public static final ChannelGroup PAID_SHOPPING = new ChannelGroup("Paid Shopping");
    public static final ChannelGroup PAID_SEARCH = new ChannelGroup("Paid Search");
    public static final ChannelGroup PAID_SOCIAL = new ChannelGroup("Paid Social");
    public static final ChannelGroup PAID_VIDEO = new ChannelGroup("Paid Video");
    public static final ChannelGroup DISPLAY = new ChannelGroup("Display");
    public static final ChannelGroup PAID_OTHER = new ChannelGroup("Paid Other");
    public static final ChannelGroup ORGANIC_SHOPPING = new ChannelGroup("Organic Shopping");
    public static final ChannelGroup ORGANIC_SOCIAL = new ChannelGroup("Organic Social");
    public static final ChannelGroup ORGANIC_VIDEO = new ChannelGroup("Organic Video");
    public static final ChannelGroup ORGANIC_SEARCH = new ChannelGroup("Organic Search");
    public static final ChannelGroup REFERRAL = new ChannelGroup("Referral");
    public static final ChannelGroup EMAIL = new ChannelGroup("Email");
    public static final ChannelGroup AFFILIATES = new ChannelGroup("Affiliates");
    public static final ChannelGroup AUDIO = new ChannelGroup("Audio");
    public static final ChannelGroup SMS = new ChannelGroup("SMS");
    public static final ChannelGroup MOBILE_PUSH_NOTIFICATIONS = new ChannelGroup("Mobile Push Notifications");
    public static final ChannelGroup UNASSIGNED = new ChannelGroup("Unassigned");

    /** GA4's default groups, in the order GA4 evaluates their rules. */
    public static final List<ChannelGroup> GA4_DEFAULTS = List.of(DIRECT, CROSS_NETWORK, PAID_SHOPPING, PAID_SEARCH,
            PAID_SOCIAL, PAID_VIDEO, DISPLAY, PAID_OTHER, ORGANIC_SHOPPING, ORGANIC_SOCIAL, ORGANIC_VIDEO,
            ORGANIC_SEARCH, REFERRAL, EMAIL, AFFILIATES, AUDIO, SMS, MOBILE_PUSH_NOTIFICATIONS, UNASSIGNED);

    /** The longest name the warehouse stores. */
    public static final int MAX_LENGTH = 64;

    public ChannelGroup {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a channel group name has 1 to " + MAX_LENGTH + " characters, got '" + name + "'");
        }
    }

    /** The group with this name: one of GA4's when the name matches one (ignoring case), else a custom group. */
    public static ChannelGroup of(String name) {
        for (ChannelGroup group : GA4_DEFAULTS) {
            if (group.name.equalsIgnoreCase(name)) {
                return group;
            }
        }
        return new ChannelGroup(name);
    }

    @Override
    public String toString() {
        return name;
    }
}

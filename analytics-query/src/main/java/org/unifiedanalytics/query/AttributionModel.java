package org.unifiedanalytics.query;

/** The multi-touch attribution models, as the attribution specification defines them. */
public enum AttributionModel {
    /** All credit to the first touch of the path. */
    FIRST_TOUCH("first_touch"),
    /** All credit to the last touch before the conversion. */
    LAST_TOUCH("last_touch"),
    /** All credit to the last touch whose channel is not {@code direct}; to the last touch when all are direct. */
    LAST_NON_DIRECT("last_non_direct"),
    /** Equal credit to every touch. */
    LINEAR("linear"),
    /** 40% first, 40% last, 20% spread over the middle; one touch takes 100%, two take 50/50. */
    POSITION_BASED("position_based"),
    /** Credit halves with every half-life between the touch and the conversion (weight 2^(-age/half-life)). */
    TIME_DECAY("time_decay");

    private final String specName;

    AttributionModel(String specName) {
        this.specName = specName;
    }

    /** The model's name in the specification and in outputs: {@code position_based}. */
    public String specName() {
        return specName;
    }

    /** The model named {@code first_touch}, {@code FIRST_TOUCH} or {@code first-touch}. */
    public static AttributionModel of(String name) {
        String normalized = name.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        for (AttributionModel model : values()) {
            if (model.specName.equals(normalized)) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown attribution model '" + name + "'; models are "
                + java.util.Arrays.stream(values()).map(AttributionModel::specName).toList());
    }
}

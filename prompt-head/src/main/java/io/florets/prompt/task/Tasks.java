package io.florets.prompt.task;

import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import java.util.List;
import java.util.Optional;

/** The task catalogue of the output contract (time series and images). */
public final class Tasks {
  private Tasks() {
  }

  private static final Modality S = Modality.SERIES;
  private static final Modality I = Modality.IMAGE;

  /** {@code <CLASSIFY>}: the window's class name. */
  public static final Task<Label> CLASSIFY = new Task<>("CLASSIFY", "<CLASSIFY>", S,
      "What is the class of the series?", List.of(), Label.class, true);
  /** {@code <CAPTION>}: a short caption. */
  public static final Task<Caption> CAPTION = new Task<>("CAPTION", "<CAPTION>", S,
      "Describe the series briefly.", List.of(), Caption.class, true);
  /** {@code <DETAILED_CAPTION>}: a detailed caption. */
  public static final Task<Caption> DETAILED_CAPTION = new Task<>("DETAILED_CAPTION", "<DETAILED_CAPTION>", S,
      "Describe the series in detail.", List.of(), Caption.class, true);
  /** {@code <SHAPE>}: trend / seasonality / noise / stationarity tags. */
  public static final Task<ShapeTags> SHAPE = new Task<>("SHAPE", "<SHAPE>", S,
      "What is the shape of the series?", List.of(), ShapeTags.class, true);
  /** {@code <PROPERTIES>}: all numeric properties. */
  public static final Task<NumericProperties> PROPERTIES = new Task<>("PROPERTIES", "<PROPERTIES>", S,
      "What are the properties of the series?", List.of(), NumericProperties.class, true);
  /** {@code <PROPERTY>name[<ch_c>]}: one numeric property. */
  public static final Task<Numeric> PROPERTY = new Task<>("PROPERTY", "<PROPERTY>", S,
      "What is the {name} of the series?", List.of(ArgumentKind.PROPERTY, ArgumentKind.CHANNEL),
      Numeric.class, true);
  /** {@code <EVENTS>}: all events, located. */
  public static final Task<Events> EVENTS = new Task<>("EVENTS", "<EVENTS>", S,
      "Locate the events in the series.", List.of(), Events.class, true);
  /** {@code <EVENTS_OF>type}: grounding of one event type. */
  public static final Task<Events> EVENTS_OF = new Task<>("EVENTS_OF", "<EVENTS_OF>", S,
      "Locate the {type} events in the series.", List.of(ArgumentKind.EVENT_TYPE), Events.class, true);
  /** {@code <SEGMENTS>}: change points with segment labels. */
  public static final Task<Segments> SEGMENTS = new Task<>("SEGMENTS", "<SEGMENTS>", S,
      "Segment the series.", List.of(), Segments.class, true);
  /** {@code <REGION_TO_DESCRIPTION><t_a><t_b>}: what happens in a region. */
  public static final Task<Caption> REGION_TO_DESCRIPTION = new Task<>("REGION_TO_DESCRIPTION",
      "<REGION_TO_DESCRIPTION>", S, "What does the region {region} of the series show?",
      List.of(ArgumentKind.TIME_REGION), Caption.class, true);
  /** {@code <ALERT>}: is anything abnormal, and what. */
  public static final Task<Alert> ALERT = new Task<>("ALERT", "<ALERT>", S,
      "Is anything abnormal in the series?", List.of(), Alert.class, true);
  /**
   * {@code <EMBED>[facet]}: a vector for retrieval (not decoded); with a facet ({@link EmbedFacet},
   * e.g. {@code <EMBED>trend}) its neighbours share that facet.
   */
  public static final Task<Embedding> EMBED = new Task<>("EMBED", "<EMBED>", S,
      "Embed the series for retrieval.", List.of(ArgumentKind.FACET), Embedding.class, false);

  /** Image {@code <CLASSIFY>}. */
  public static final Task<Label> IMAGE_CLASSIFY = new Task<>("IMAGE_CLASSIFY", "<CLASSIFY>", I,
      "What is the class of the image?", List.of(), Label.class, true);
  /** Image {@code <CAPTION>}. */
  public static final Task<Caption> IMAGE_CAPTION = new Task<>("IMAGE_CAPTION", "<CAPTION>", I,
      "What does the image describe?", List.of(), Caption.class, true);
  /** Image {@code <DETAILED_CAPTION>}. */
  public static final Task<Caption> IMAGE_DETAILED_CAPTION = new Task<>("IMAGE_DETAILED_CAPTION",
      "<DETAILED_CAPTION>", I, "Describe in detail what is shown in the image.", List.of(), Caption.class, true);
  /** {@code <OD>}: object detection, {@code label<loc_x1><loc_y1><loc_x2><loc_y2>...}. */
  public static final Task<Boxes> OD = new Task<>("OD", "<OD>", I,
      "Locate the objects with category name in the image.", List.of(), Boxes.class, true);
  /** {@code <REGION_TO_CATEGORY><loc..>x4}: the category of a box. */
  public static final Task<Label> REGION_TO_CATEGORY = new Task<>("REGION_TO_CATEGORY", "<REGION_TO_CATEGORY>", I,
      "What is the region {box}?", List.of(ArgumentKind.LOC_BOX), Label.class, true);
  /** {@code <CAPTION_TO_PHRASE_GROUNDING>text}: boxes of the phrases of a text. */
  public static final Task<Boxes> CAPTION_TO_PHRASE_GROUNDING = new Task<>("CAPTION_TO_PHRASE_GROUNDING",
      "<CAPTION_TO_PHRASE_GROUNDING>", I, "Locate the phrases in the caption: {text}",
      List.of(ArgumentKind.TEXT), Boxes.class, true);

  private static final List<Task<?>> ALL = List.of(CLASSIFY, CAPTION, DETAILED_CAPTION, SHAPE, PROPERTIES,
      PROPERTY, EVENTS, EVENTS_OF, SEGMENTS, REGION_TO_DESCRIPTION, ALERT, EMBED,
      IMAGE_CLASSIFY, IMAGE_CAPTION, IMAGE_DETAILED_CAPTION, OD, REGION_TO_CATEGORY, CAPTION_TO_PHRASE_GROUNDING);

  /** Every task, series tasks first, in catalogue order. */
  public static List<Task<?>> all() {
    return ALL;
  }

  /** The tasks of one modality, in catalogue order. */
  public static List<Task<?>> of(Modality modality) {
    return ALL.stream().filter(t -> t.modality() == modality).toList();
  }

  /** The task of {@code modality} with token {@code token} (e.g. {@code "<OD>"}), if any. */
  public static Optional<Task<?>> find(Modality modality, String token) {
    return ALL.stream().filter(t -> t.modality() == modality && t.token().equals(token)).findFirst();
  }

  /** The task with constant name {@code name} (e.g. {@code "EVENTS_OF"}), if any. */
  public static Optional<Task<?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}

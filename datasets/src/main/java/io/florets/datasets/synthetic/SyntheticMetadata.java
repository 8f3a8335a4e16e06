package io.florets.datasets.synthetic;

import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a {@link SyntheticConfig} into dataset metadata and reads it back, so that a generated
 * dataset saved to a file can be regenerated, window by window, with its full truth
 * ({@link SyntheticGenerator#window}). Keys start with {@code synthetic.}; enum sets are written
 * as comma-separated names; numbers so that they read back exactly.
 */
public final class SyntheticMetadata {
  /** Metadata key naming the generator. */
  public static final String GENERATOR_KEY = "generator";
  /** The value of {@link #GENERATOR_KEY} for datasets from {@link SyntheticGenerator}. */
  public static final String GENERATOR = "florets.synthetic";
  /** Metadata key holding {@link SyntheticGenerator#VERSION}. */
  public static final String VERSION_KEY = "generator.version";
  private static final String P = "synthetic.";

  private SyntheticMetadata() {
  }

  /** The metadata {@link SyntheticGenerator#generate} writes for {@code c}. */
  public static Map<String, String> of(SyntheticConfig c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(GENERATOR_KEY, GENERATOR);
    m.put(VERSION_KEY, SyntheticGenerator.VERSION);
    m.put(P + "count", Integer.toString(c.count()));
    m.put(P + "length", Integer.toString(c.length()));
    m.put(P + "channels", Integer.toString(c.channels()));
    m.put(P + "seed", Long.toString(c.seed()));
    m.put(P + "minEvents", Integer.toString(c.minEvents()));
    m.put(P + "maxEvents", Integer.toString(c.maxEvents()));
    m.put(P + "eventTypes", names(c.eventTypes()));
    m.put(P + "trends", names(c.trends()));
    m.put(P + "seasonalities", names(c.seasonalities()));
    m.put(P + "noiseLevels", names(c.noiseLevels()));
    m.put(P + "noiseKinds", names(c.noiseKinds()));
    m.put(P + "minPeriod", Integer.toString(c.minPeriod()));
    m.put(P + "maxPeriod", Integer.toString(c.maxPeriod()));
    m.put(P + "minOffset", Double.toString(c.minOffset()));
    m.put(P + "maxOffset", Double.toString(c.maxOffset()));
    m.put(P + "minScale", Double.toString(c.minScale()));
    m.put(P + "maxScale", Double.toString(c.maxScale()));
    m.put(P + "classAttribute", c.classAttribute().name());
    return m;
  }

  /** True if the metadata says the dataset came from this generator. */
  public static boolean isSynthetic(Map<String, String> metadata) {
    return GENERATOR.equals(metadata.get(GENERATOR_KEY));
  }

  /**
   * The configuration a generated dataset was made with.
   *
   * @throws IllegalArgumentException if a key is missing or malformed (named in the message), if
   *     the dataset is not synthetic, or if it was made by another generator version (whose windows
   *     this version would not reproduce)
   */
  public static SyntheticConfig config(Map<String, String> metadata) {
    if (!isSynthetic(metadata)) {
      throw new IllegalArgumentException("dataset metadata has " + GENERATOR_KEY + "="
          + metadata.get(GENERATOR_KEY) + ", not " + GENERATOR);
    }
    String version = metadata.get(VERSION_KEY);
    if (!SyntheticGenerator.VERSION.equals(version)) {
      throw new IllegalArgumentException("synthetic dataset made by generator version " + version
          + "; this is version " + SyntheticGenerator.VERSION + " and would not reproduce it");
    }
    return SyntheticConfig.builder()
        .count(integer(metadata, "count")).length(integer(metadata, "length"))
        .channels(integer(metadata, "channels"))
        .seed(parse(metadata, "seed", Long::parseLong))
        .events(integer(metadata, "minEvents"), integer(metadata, "maxEvents"))
        .eventTypes(enums(metadata, "eventTypes", EventType::valueOf))
        .trends(enums(metadata, "trends", TrendKind::valueOf))
        .seasonalities(enums(metadata, "seasonalities", SeasonalityKind::valueOf))
        .noiseLevels(enums(metadata, "noiseLevels", NoiseLevel::valueOf))
        .noiseKinds(enums(metadata, "noiseKinds", NoiseKind::valueOf))
        .periods(integer(metadata, "minPeriod"), integer(metadata, "maxPeriod"))
        .offsets(real(metadata, "minOffset"), real(metadata, "maxOffset"))
        .scales(real(metadata, "minScale"), real(metadata, "maxScale"))
        .classAttribute(parse(metadata, "classAttribute", ClassAttribute::valueOf))
        .build();
  }

  private static String names(List<? extends Enum<?>> values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> e : values) {
      out.add(e.name());
    }
    return String.join(",", out);
  }

  private static int integer(Map<String, String> m, String key) {
    return parse(m, key, Integer::parseInt);
  }

  private static double real(Map<String, String> m, String key) {
    return parse(m, key, Double::parseDouble);
  }

  private static <T> List<T> enums(Map<String, String> m, String key, Function<String, T> parser) {
    String raw = value(m, key);
    List<T> out = new ArrayList<>();
    if (!raw.isEmpty()) {
      for (String part : raw.split(",", -1)) {
        out.add(parse(key, part, parser));
      }
    }
    return out;
  }

  private static <T> T parse(Map<String, String> m, String key, Function<String, T> parser) {
    return parse(key, value(m, key), parser);
  }

  private static <T> T parse(String key, String raw, Function<String, T> parser) {
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("dataset metadata " + P + key + ": cannot read '" + raw + "'", e);
    }
  }

  private static String value(Map<String, String> m, String key) {
    String v = m.get(P + key);
    if (v == null) {
      throw new IllegalArgumentException("dataset metadata lacks " + P + key);
    }
    return v;
  }
}

package io.florets.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;

/**
 * A library result (a record) as the ordered JSON object Jackson writes for it, for commands that
 * print it beside a few fields of their own. The keys are the record's JSON keys.
 */
final class JsonFields {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFields() {
  }

  /** The JSON object of {@code value}, as an ordered, mutable map. */
  static LinkedHashMap<String, Object> of(Object value) {
    return MAPPER.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() { });
  }
}

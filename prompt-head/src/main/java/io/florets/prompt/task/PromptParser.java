package io.florets.prompt.task;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.prompt.readout.Readout;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses prompt strings: the token form ({@code "<EVENTS_OF>spike_up"},
 * {@code "<PROPERTY>mean<ch_2>"}, {@code "<REGION_TO_DESCRIPTION><t_100><t_250>"},
 * {@code "<REGION_TO_CATEGORY><loc_1><loc_2><loc_30><loc_40>"},
 * {@code "<CAPTION_TO_PHRASE_GROUNDING>a red circle"}) or a task's natural-language expansion with
 * its arguments filled in (case and surrounding whitespace ignored, final punctuation optional).
 * Any failure, whatever the input, is a {@link PromptException}. Stateless and thread-safe.
 */
public final class PromptParser {
  private static final int MAX_CHANNEL = 1 << 16;
  private static final java.util.Map<Task<?>, Pattern> EXPANSIONS = Tasks.all().stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(t -> t, PromptParser::expansionPattern));

  private PromptParser() {
  }

  /**
   * Parses a prompt; a task token shared by both modalities ({@code <CAPTION>}, ...) resolves to
   * the series task, image-only tokens ({@code <OD>}, ...) to the image task.
   */
  public static Prompt<?> parse(String prompt) {
    return parse(prompt, null);
  }

  /**
   * Parses a prompt of the given modality.
   *
   * @param prompt the prompt string
   * @param modality the modality, or {@code null} to prefer series tasks
   * @throws PromptException if the prompt is unknown or malformed
   */
  public static Prompt<?> parse(String prompt, Modality modality) {
    if (prompt == null) {
      throw new PromptException("null", 0, "the prompt is null");
    }
    int i = skip(prompt, 0);
    if (i == prompt.length()) {
      throw new PromptException(prompt, i, "the prompt is empty");
    }
    if (prompt.charAt(i) == '<') {
      return parseTokenForm(prompt, i, modality);
    }
    return parseExpansion(prompt, modality);
  }

  /** Parses and checks the readout type, e.g. {@code parse("<EVENTS>", Events.class)}. */
  public static <R extends Readout> Prompt<R> parse(String prompt, Modality modality, Class<R> readout) {
    Prompt<?> p = parse(prompt, modality);
    if (p.task().readoutType() != readout) {
      throw new PromptException(prompt, 0, "task " + p.task().token() + " answers with "
          + p.task().readoutType().getSimpleName() + ", not " + readout.getSimpleName());
    }
    @SuppressWarnings("unchecked")
    Prompt<R> typed = (Prompt<R>) p;
    return typed;
  }

  private static Prompt<?> parseTokenForm(String s, int start, Modality modality) {
    int end = s.indexOf('>', start);
    if (end < 0) {
      throw new PromptException(s, start, "unterminated task token (no closing '>')");
    }
    String token = s.substring(start, end + 1);
    Task<?> task = resolve(token, modality)
        .orElseThrow(() -> new PromptException(s, start, "unknown task token '" + abbreviate(token) + "'"
            + (modality == null ? "" : " for modality " + modality.jsonName())));
    Cursor c = new Cursor(s, end + 1);
    Prompt<?> p;
    if (task == Tasks.EVENTS_OF) {
      int at = c.skip();
      String w = c.word();
      EventType type = EventType.fromToken(w).orElseThrow(() -> new PromptException(s, at,
          "unknown event type '" + abbreviate(w) + "'; expected one of "
              + Arrays.stream(EventType.values()).map(EventType::token).collect(Collectors.joining(", "))));
      p = Prompt.eventsOf(type);
    } else if (task == Tasks.PROPERTY) {
      int at = c.skip();
      String w = c.word();
      Property prop = Property.fromToken(w).orElseThrow(() -> new PromptException(s, at,
          "unknown property '" + abbreviate(w) + "'; expected one of "
              + Arrays.stream(Property.values()).map(Property::token).collect(Collectors.joining(", "))));
      c.skip();
      int channel = c.atEnd() ? -1 : c.bin("<ch_", MAX_CHANNEL);
      p = Prompt.property(prop, channel);
    } else if (task == Tasks.REGION_TO_DESCRIPTION) {
      int at = c.skip();
      int a = c.bin("<t_", 999);
      c.skip();
      int b = c.bin("<t_", 999);
      if (a > b) {
        throw new PromptException(s, at, "region start bin " + a + " is after end bin " + b);
      }
      p = Prompt.region(a, b);
    } else if (task == Tasks.REGION_TO_CATEGORY) {
      int at = c.skip();
      int[] v = new int[4];
      for (int k = 0; k < 4; k++) {
        c.skip();
        v[k] = c.bin("<loc_", 999);
      }
      if (v[0] > v[2] || v[1] > v[3]) {
        throw new PromptException(s, at, "box needs x1 <= x2 and y1 <= y2, got " + Arrays.toString(v));
      }
      p = Prompt.regionToCategory(v[0], v[1], v[2], v[3]);
    } else if (task == Tasks.EMBED) {
      int at = c.skip();
      if (c.atEnd()) {
        p = Prompt.embed(EmbedFacet.GENERAL);
      } else {
        String w = c.word();
        p = Prompt.embed(EmbedFacet.fromWord(w).filter(f -> f != EmbedFacet.GENERAL)
            .orElseThrow(() -> new PromptException(s, at, "unknown <EMBED> facet '" + abbreviate(w)
                + "'; expected one of " + EmbedFacet.validWords())));
      }
    } else if (task == Tasks.CAPTION_TO_PHRASE_GROUNDING) {
      String rest = s.substring(c.pos).strip();
      if (rest.isEmpty()) {
        throw new PromptException(s, c.pos, "phrase grounding needs text after " + task.token());
      }
      int bad = indexOfAngle(s, c.pos);
      if (bad >= 0) {
        throw new PromptException(s, bad, "phrase text must not contain '<' or '>'");
      }
      return Prompt.phraseGrounding(rest);
    } else {
      p = Prompt.of(task);
    }
    c.skip();
    if (!c.atEnd()) {
      throw new PromptException(s, c.pos, "unexpected text after the prompt; " + task.token()
          + (task.arguments().isEmpty() ? " takes no arguments" : " takes " + task.arguments()));
    }
    return p;
  }

  private static Optional<Task<?>> resolve(String token, Modality modality) {
    if (modality != null) {
      return Tasks.find(modality, token);
    }
    Optional<Task<?>> t = Tasks.find(Modality.SERIES, token);
    return t.isPresent() ? t : Tasks.find(Modality.IMAGE, token);
  }

  private static Prompt<?> parseExpansion(String s, Modality modality) {
    String norm = s.strip().replaceAll("\\s+", " ");
    for (Task<?> t : Tasks.all()) {
      if (modality != null && t.modality() != modality) {
        continue;
      }
      Matcher m = EXPANSIONS.get(t).matcher(norm);
      if (!m.matches()) {
        continue;
      }
      StringBuilder form = new StringBuilder(t.token());
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          form.append(g == 2 && t == Tasks.PROPERTY ? "<ch_" + m.group(g) + ">" : m.group(g));
        }
      }
      try {
        return parseTokenForm(form.toString(), 0, t.modality());
      } catch (PromptException e) {
        int col = m.groupCount() > 0 ? Math.max(0, s.indexOf(m.group(1) == null ? "" : m.group(1))) : 0;
        throw new PromptException(s, col, e.reason());
      }
    }
    throw new PromptException(s, skip(s, 0), "not a task token (e.g. <EVENTS>) nor a known task expansion");
  }

  private static Pattern expansionPattern(Task<?> t) {
    String e = t.expansion().replaceAll("[.?:]$", "");
    StringBuilder re = new StringBuilder();
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(e);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(e.substring(last, m.start())));
      re.append(switch (m.group(1)) {
        case "type", "name" -> "([A-Za-z0-9_]+)";
        case "region" -> "(<t_[^>]*>\\s*<t_[^>]*>)";
        case "box" -> "((?:<loc_[^>]*>\\s*){4})";
        default -> "(.+?)";
      });
      last = m.end();
    }
    String tail = Pattern.quote(e.substring(last));
    if (t == Tasks.PROPERTY) {
      tail = "\\Q of \\E(?:channel (\\d{1,6}) of )?\\Qthe series\\E";
    } else if (t == Tasks.EMBED) {
      tail = tail + "(?: by ([A-Za-z0-9_]+))?";
    }
    re.append(tail).append("\\s*[.?:]?");
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }

  private static int indexOfAngle(String s, int from) {
    for (int k = from; k < s.length(); k++) {
      if (s.charAt(k) == '<' || s.charAt(k) == '>') {
        return k;
      }
    }
    return -1;
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /** A read position in a prompt string. */
  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    int skip() {
      pos = PromptParser.skip(s, pos);
      return pos;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    String word() {
      int st = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      if (pos == st) {
        throw new PromptException(s, st, "expected a word argument" + (atEnd() ? ", found the end" : ""));
      }
      return s.substring(st, pos).toLowerCase(Locale.ROOT);
    }

    int bin(String prefix, int max) {
      int at = pos;
      if (!s.startsWith(prefix, pos)) {
        throw new PromptException(s, at, "expected " + prefix + "n>" + (atEnd() ? ", found the end" : ""));
      }
      pos += prefix.length();
      int st = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == st || pos >= s.length() || s.charAt(pos) != '>') {
        throw new PromptException(s, pos, "malformed " + prefix + "n> token: expected digits then '>'");
      }
      String digits = s.substring(st, pos);
      pos++;
      if (digits.length() > 7 || Integer.parseInt(digits) > max) {
        throw new PromptException(s, at, prefix + abbreviate(digits) + "> is out of range: expected 0.." + max);
      }
      return Integer.parseInt(digits);
    }
  }

  /** Every prompt form accepted without arguments, for documentation and tests. */
  static List<String> argumentFreeTokens() {
    return Tasks.all().stream().filter(t -> !t.needsArguments()).map(Task::token).distinct().toList();
  }
}

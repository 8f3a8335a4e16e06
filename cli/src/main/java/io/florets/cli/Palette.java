package io.florets.cli;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.SegmentLabel;

/** The report's colours: one per event type (markers) and one per segment label (strips). */
final class Palette {
  private Palette() {
  }

  static String color(EventType t) {
    switch (t) {
      case SPIKE_UP: return "#d62728";
      case SPIKE_DOWN: return "#1f77b4";
      case SPIKE_RUN: return "#e377c2";
      case WIDE_SPIKE: return "#ff7f0e";
      case LEVEL_SHIFT_UP: return "#9467bd";
      case LEVEL_SHIFT_DOWN: return "#8c564b";
      case TREND_CHANGE: return "#17becf";
      case DROPOUT: return "#7f7f7f";
      case FLATLINE: return "#bcbd22";
      case CLIPPING: return "#2ca02c";
      default: return "#444444";
    }
  }

  static String color(SegmentLabel l) {
    switch (l) {
      case RISING: return "#a6dba0";
      case FALLING: return "#f4b183";
      case FLAT: return "#d0d0d0";
      default: return "#c2a5cf";
    }
  }
}

package io.florets.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient recording of the PyTorch engine, which is per thread: only the thread that loaded the
 * engine starts with it off, so every inference entry point switches it off for its own thread and
 * restores the previous state afterwards.
 */
public final class GradMode {
  static {
    Engine.getEngine("PyTorch"); // loads the natives before any JNI call below
  }

  private GradMode() {
  }

  /** Turns recording off on this thread; returns the previous state for {@link #restore}. */
  public static boolean off() {
    boolean prev = JniUtils.isGradMode();
    if (prev) {
      JniUtils.setGradMode(false);
    }
    return prev;
  }

  /** Restores the state returned by {@link #off()}. */
  public static void restore(boolean previous) {
    if (previous) {
      JniUtils.setGradMode(true);
    }
  }

  /** Intra-op threads the engine uses for work started by this thread. */
  public static int intraOpThreads() {
    return JniUtils.getNumThreads();
  }

  /** Intra-op threads for work started from now on by this thread (OpenMP is per thread). */
  public static void setIntraOpThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("intra-op threads must be >= 1, got " + n);
    }
    JniUtils.setNumThreads(n);
  }
}

package io.florets.dataengine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.dataengine.TinyModels;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.prompt.facade.Florets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fit and the evaluation's calibration figures on the tiny trained model: the same items
 * scored in both, and on the windows it was fitted to a calibration leaves no calibration error.
 */
class CalibrationFitTest {

  @Test
  void fitAndEvaluationAgreeAndFittedMapsCalibrateTheirOwnData() {
    DenseDataset data = SyntheticGenerator.generate(TinyModels.recipe().data().toBuilder().count(12)
        .seed(4242).build());
    // facades over the shared model are never closed (closing would close the shared model)
    Florets plain = Florets.of(TinyModels.bundle());
    List<Integer> steps = new ArrayList<>();
    CalibrationFit.Result fit = CalibrationFit.run(plain, data, "test", steps::add);
    assertEquals(List.of(1, 2, 3, 4), steps);
    assertEquals(6, fit.fitWindows());
    assertEquals(6, fit.heldOutWindows());
    assertFalse(fit.tasks().isEmpty(), "no task had a scored item");
    assertEquals(fit.tasks().keySet(), fit.calibration().tasks().keySet());
    for (Map.Entry<String, CalibrationFit.TaskFit> e : fit.tasks().entrySet()) {
      CalibrationFit.TaskFit t = e.getValue();
      assertEquals(t.items(), t.fitItems() + t.heldOutItems(), e.getKey());
      assertEquals(fit.calibration().tasks().get(e.getKey()).knots(), t.knots());
      if (t.fitItems() > 0 && t.heldOutItems() > 0) {
        assertTrue(t.eceBefore() >= 0 && t.eceBefore() <= 1 && t.eceAfter() >= 0
            && t.eceAfter() <= 1, e.getKey() + " " + t);
      }
      boolean events = e.getKey().equals("EVENTS");
      assertEquals(events ? t.minConfidence() : null,
          fit.calibration().minConfidence().get(e.getKey()), "only EVENTS has a threshold");
      assertEquals(events && t.eceBefore() != null, t.heldOutF1Before() != null, e.getKey());
      assertEquals(t.heldOutF1Before() != null, t.heldOutF1After() != null, e.getKey());
      assertEquals(t.heldOutF1Before() != null, t.fitHalfMinConfidence() != null, e.getKey());
      if (t.heldOutF1Before() != null) {
        assertTrue(t.heldOutF1Before() >= 0 && t.heldOutF1Before() <= 1
            && t.heldOutF1After() >= 0 && t.heldOutF1After() <= 1, t.toString());
      }
    }
    assertEquals(fit.tasks().containsKey("EVENTS"),
        fit.calibration().minConfidence().containsKey("EVENTS"));

    SyntheticEvaluation.Report raw = SyntheticEvaluation.run(plain, data, 1, s -> { });
    Florets calibrated = Florets.of(TinyModels.bundle().withCalibration(fit.calibration()));
    SyntheticEvaluation.Report cal = SyntheticEvaluation.run(calibrated, data, 1, s -> { });
    assertEquals(fit.tasks().keySet(), raw.calibration().keySet());
    for (String task : fit.tasks().keySet()) {
      SyntheticEvaluation.CalibrationFigures r = raw.calibration().get(task);
      SyntheticEvaluation.CalibrationFigures c = cal.calibration().get(task);
      assertEquals(fit.tasks().get(task).items(), r.items(), task);
      assertNull(r.eceUncalibrated(), "no calibration, no second figure");
      Double min = fit.calibration().minConfidence().get(task);
      if (min != null && min > 0) {
        // the facade dropped the events below the minimum (all of them when c is null); the kept
        // ones are scored again, so only the bounds hold
        assertTrue(c == null || c.items() <= r.items(), task);
        assertTrue(c == null || c.meanConfidence() >= min - 1e-4, task + " " + min + " " + c);
        continue;
      }
      assertEquals(r.items(), c.items(), task);
      assertEquals(r.accuracy(), c.accuracy(), task);
      assertEquals(r.ece(), c.eceUncalibrated(), task);
      // maps fitted on all these items: mapped confidences match accuracy in every bin
      assertEquals(0, c.ece(), 1e-4, task);
      assertEquals(c.accuracy(), c.meanConfidence(), 2e-4, task);
    }
    ObjectMapper json = new ObjectMapper();
    String first = fit.tasks().keySet().iterator().next();
    JsonNode rawJson = json.valueToTree(raw);
    JsonNode calJson = json.valueToTree(cal);
    assertTrue(rawJson.path("calibration").path(first).path("ece").isNumber(), rawJson.toString());
    assertFalse(rawJson.path("calibration").path(first).has("eceUncalibrated"));
    assertNotNull(calJson.path("calibration").path(first).get("eceUncalibrated"));
  }

  @Test
  void needsTwoWindows() {
    DenseDataset one = SyntheticGenerator.generate(TinyModels.recipe().data().toBuilder().count(1)
        .seed(4242).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CalibrationFit.run(Florets.of(TinyModels.bundle()), one, "test", s -> { }));
    assertTrue(e.getMessage().contains("got 1"), e.getMessage());
  }
}

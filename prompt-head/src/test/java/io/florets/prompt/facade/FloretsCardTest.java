package io.florets.prompt.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.prompt.calibration.ModelFingerprint;
import io.florets.prompt.card.Cards;
import io.florets.prompt.card.ModelCard;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder with and without {@code card.json}, through the bundle and the facade. */
class FloretsCardTest {
  @TempDir
  Path tmp;

  @Test
  void theFolderCardIsLoadedKeptBySaveAndDroppedWithNewWeights() throws Exception {
    Path dir = tmp.resolve("model");
    TinyModels.bundle().save(dir);
    try (Florets plain = Florets.load(dir)) {
      assertTrue(plain.card().isEmpty());
    }
    ModelCard card = Cards.card(ModelBundle.fingerprint(dir));
    card.write(dir.resolve(ModelCard.FILE));
    try (Florets f = Florets.load(dir)) {
      assertEquals(card, f.card().orElseThrow());
      assertEquals(card, f.bundle().card().orElseThrow());
      Path copy = tmp.resolve("copy");
      f.bundle().save(copy);
      try (ModelBundle b = ModelBundle.load(copy)) {
        assertEquals(card, b.card().orElseThrow(), "same weights: the card is kept");
      }
      Path retrained = tmp.resolve("retrained");
      f.bundle().withProvenance(BundleProvenance.untrained(9)).save(retrained);
      assertFalse(Files.exists(retrained.resolve(ModelCard.FILE)), "new weights: no card");
    }
  }

  @Test
  void aCardOfOtherWeightsOrEditedIsRefusedNamingTheFile() throws Exception {
    Path dir = tmp.resolve("model");
    TinyModels.bundle().save(dir);
    ModelFingerprint fp = ModelBundle.fingerprint(dir);
    Path file = dir.resolve(ModelCard.FILE);
    Cards.card(new ModelFingerprint(fp.vocabularyHash(), "0".repeat(64))).write(file);
    BundleException other = assertThrows(BundleException.class, () -> Florets.load(dir));
    assertTrue(other.getMessage().contains(file.toString())
        && other.getMessage().contains("florets card"), other.getMessage());

    Cards.card(fp).write(file);
    Files.writeString(file, Files.readString(file).replace("0.3612", "0.9612"));
    BundleException edited = assertThrows(BundleException.class, () -> ModelBundle.load(dir));
    assertTrue(edited.getMessage().contains(file.toString())
        && edited.getMessage().contains("edited or corrupted"), edited.getMessage());
  }

  @Test
  void aCardAttachedInMemoryIsSavedOnlyForItsWeights() throws Exception {
    Path dir = tmp.resolve("model");
    TinyModels.bundle().save(dir);
    ModelCard mine = Cards.card(ModelBundle.fingerprint(dir));
    Path again = tmp.resolve("again");
    TinyModels.bundle().withCard(mine).save(again);
    try (ModelBundle b = ModelBundle.load(again)) {
      assertEquals(mine, b.card().orElseThrow());
    }
    ModelCard foreign = Cards.card(new ModelFingerprint("x".repeat(64), "y".repeat(64)));
    Path other = tmp.resolve("other");
    TinyModels.bundle().withCard(foreign).save(other);
    assertFalse(Files.exists(other.resolve(ModelCard.FILE)));
  }
}

package io.florets.cli;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.dataengine.SeriesVocabulary;
import io.florets.prompt.task.TaskInfo;
import io.florets.prompt.vocab.Vocabulary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code florets tasks [--json]}: the task catalogue of the output contract and the vocabulary size. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
    description = "List every task: token, natural-language expansion, arguments, readout type, modality.")
public final class TasksCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--json",
      description = "Print JSON: {\"vocabulary\":{...},\"seriesVocabulary\":{...},\"tasks\":[...]}.")
  boolean json;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    PrintWriter out = spec.commandLine().getOut();
    Vocabulary vocab = Vocabulary.standard();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      ObjectNode v = root.putObject("vocabulary");
      v.put("size", vocab.size());
      v.put("hash", vocab.hash());
      v.put("channels", vocab.channels());
      Vocabulary series = SeriesVocabulary.of();
      ObjectNode sv = root.putObject("seriesVocabulary");
      sv.put("size", series.size());
      sv.put("hash", series.hash());
      ArrayNode tasks = root.putArray("tasks");
      for (TaskInfo t : TaskInfo.all()) {
        ObjectNode n = tasks.addObject();
        n.put("name", t.name());
        n.put("token", t.token());
        n.put("expansion", t.expansion());
        ArrayNode args = n.putArray("arguments");
        t.arguments().forEach(args::add);
        n.put("readout", t.readout());
        n.put("modality", t.modality());
        n.put("decoded", t.decoded());
      }
      out.println(mapper.writeValueAsString(root));
    } else {
      out.printf("%-32s %-8s %-11s %s%n", "token", "modality", "readout", "expansion / arguments");
      for (TaskInfo t : TaskInfo.all()) {
        out.printf("%-32s %-8s %-11s %s%s%n", t.token(), t.modality(), t.readout(), t.expansion(),
            t.arguments().isEmpty() ? "" : "  [" + String.join("; ", t.arguments()) + "]");
      }
      out.printf("vocabulary: %d tokens (standard, %d channel tokens, hash %s)%n", vocab.size(), vocab.channels(),
          vocab.hash().substring(0, 12));
      out.printf("series vocabulary (standard + caption composer words): %d tokens (hash %s)%n",
          SeriesVocabulary.of().size(), SeriesVocabulary.of().hash().substring(0, 12));
    }
    out.flush();
    return 0;
  }
}

"""Lists the events of a Florets dense-dataset Arrow file (layout 2) with their times.

usage: python3 arrow-schema-example.py FILE.arrow
Needs pyarrow only. Prints the file's layout, then one tab-separated line per event:
series, window start, channel, event type, first and last sample in the series, start time,
source, confidence.
"""
import sys

import pyarrow.compute as pc
import pyarrow.ipc as ipc


def main(path):
    with ipc.open_file(path) as reader:
        table = reader.read_all()
    meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    if meta.get("florets.kind") != "dense-dataset" or meta.get("florets.version") != "2":
        sys.exit(f"{path}: not a Florets dense dataset of layout 2: {meta.get('florets.kind')} "
                 f"{meta.get('florets.version')}")
    print(f"layout {meta['florets.version']}: {table.num_rows} windows")

    anns = pc.list_flatten(table["annotations"])           # one struct per annotation
    window = pc.list_parent_indices(table["annotations"])  # the row of each annotation
    is_event = pc.equal(anns.field("kind"), "event")
    events = anns.filter(is_event).to_pylist()
    rows = window.filter(is_event).to_pylist()

    series = table["series_id"].to_pylist()
    starts = table["window_start"].to_pylist()
    names = table["channel_names"].to_pylist()
    times = table["timestamps"]
    for e, row in zip(events, rows):
        ts = times[row].as_py()  # None when the file has no time axis
        when = ts[e["start"]].isoformat() if ts else "-"
        channel = "all" if e["channel"] is None else names[row][e["channel"]]
        print("\t".join(str(x) for x in (
            series[row], starts[row], channel, e["event_type"],
            starts[row] + e["start"], starts[row] + e["end"], when,
            e["source"], round(e["confidence"], 3))))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

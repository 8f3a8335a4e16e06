#!/usr/bin/env python3
"""Development splits for the adaptation study (data-engine/RECIPES.md, fourth study).

Cuts a UCR/UEA training file (.ts) into two halves, each class halved at random (seed 11), and
writes NAMEA_TRAIN.ts and NAMEA_TEST.ts to OUT/NAME/. Only training files are read, so choices made
on these splits never see a test split.

usage: dev-splits.py OUT ../shared/data/ucr/ArrowHead/ArrowHead_TRAIN.ts ...
"""
import os
import random
import sys


def split(out, path):
    name = os.path.basename(path).rsplit('_TRAIN', 1)[0]
    head, data, in_data = [], [], False
    for line in open(path, encoding='utf-8').read().splitlines():
        if in_data:
            if line.strip():
                data.append(line)
        else:
            head.append(line)
            in_data = line.strip().lower().startswith('@data')
    by_class = {}
    for line in data:
        by_class.setdefault(line.rsplit(':', 1)[1], []).append(line)
    rng = random.Random(11)
    first, second = [], []
    for label in sorted(by_class):
        rows = by_class[label][:]
        rng.shuffle(rows)
        half = len(rows) // 2
        first += rows[:half]
        second += rows[half:]
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    for suffix, rows in (('A_TRAIN', first), ('A_TEST', second)):
        with open(os.path.join(folder, name + suffix + '.ts'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(head + rows) + '\n')
    print(name, len(first), len(second))


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for p in sys.argv[2:]:
        split(sys.argv[1], p)

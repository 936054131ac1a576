"""Reproduce the shipped harmful-content model and print its cross-validated metrics.

    .venv/bin/python tools/train_harmful.py                    # train, write the artefact
    .venv/bin/python tools/train_harmful.py --experiments      # also compare configurations
    .venv/bin/python tools/train_harmful.py --output /tmp/m    # write elsewhere

Data: PolEval 2019 task 6.1 training split (train.tsv, never the test split) plus the
project's hand-written municipal examples (ratusz/triage/data/harmful-extra.jsonl). The
artefact (harmful.npz + harmful.json) holds only learned weights, no tweets. See
docs/triage-model.md.
"""

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ratusz.triage import training  # noqa: E402
from ratusz.triage.analysis import harmful  # noqa: E402

# Configurations compared with --experiments:
# (name, feature overrides, C, class_weight, weight of a project example).
W = 3.0
EXPERIMENTS = [
    ("char 2-5, no words, no lexicon features", {"word_ngrams": 0, "lexicon_weight": 0},
     32.0, None, W),
    ("char 2-5 + words 1-2, no lexicon features", {"lexicon_weight": 0}, 32.0, None, W),
    ("char 2-5 + words 1-2 + lexicon, C=4", {}, 4.0, None, W),
    ("char 2-5 + words 1-2 + lexicon, C=16", {}, 16.0, None, W),
    ("char 2-5 + words 1-2 + lexicon, C=32 *", {}, 32.0, None, W),
    ("char 2-5 + words 1-2 + lexicon, C=64", {}, 64.0, None, W),
    ("... C=4, balanced class weights", {}, 4.0, "balanced", W),
    ("char 1-5 + words 1-2 + lexicon", {"char_ngrams": [1, 5]}, 32.0, None, W),
    ("char 2-6 + words 1-2 + lexicon", {"char_ngrams": [2, 6]}, 32.0, None, W),
    ("char 3-5 + words 1-2 + lexicon", {"char_ngrams": [3, 5]}, 32.0, None, W),
    ("char 2-5 + words 1 + lexicon", {"word_ngrams": 1}, 32.0, None, W),
    ("... word weight 0.4", {"word_weight": 0.4}, 32.0, None, W),
    ("... word weight 1.0", {"word_weight": 1.0}, 32.0, None, W),
    ("... lexicon weight 2.0", {"lexicon_weight": 2.0}, 32.0, None, W),
    ("... counts/sqrt(n) instead of binary", {"values": "tf"}, 32.0, None, W),
    ("... 2**18 buckets", {"bits": 18}, 32.0, None, W),
    ("... 2**20 buckets", {"bits": 20}, 32.0, None, W),
    ("... project examples weight 1", {}, 32.0, None, 1.0),
    ("... project examples weight 10", {}, 32.0, None, 10.0),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(training.POLEVAL_TRAIN),
                        help="PolEval 2019 task 6 train.tsv")
    parser.add_argument("--extra", default=str(training.EXTRA_EXAMPLES),
                        help="hand-written examples (JSON lines)")
    parser.add_argument("--output", default=str(training.MODEL_DIR), help="artefact folder")
    parser.add_argument("--version", default=harmful.MODEL_VERSION)
    parser.add_argument("--seeds", type=int, default=2,
                        help="cross-validation repetitions (different fold splits)")
    parser.add_argument("--experiments", action="store_true",
                        help="cross-validate the configurations in EXPERIMENTS first")
    args = parser.parse_args()

    texts, labels, weights, sources = training.project_data(args.data, args.extra)
    seeds = tuple(range(args.seeds))
    print(f"{sources.count('poleval')} PolEval tweets ({sum(labels[:sources.count('poleval')])} "
          f"harmful), {sources.count('extra')} project examples; weight of a project example "
          f"{training.EXTRA_WEIGHT}; {len(seeds)} x 5-fold stratified cross-validation")

    if args.experiments:
        import numpy as np

        prepared = training.prepare(texts)
        print(f"\n{'configuration':42s} {'F1':>6s} {'P':>6s} {'R':>6s}  {'model-only best F1':>18s}"
              f"  {'municipal F1, P, R':>20s}")
        for name, overrides, C, class_weight, extra_weight in EXPERIMENTS:
            config = {**training.DEFAULT_CONFIG, **overrides}
            started = time.perf_counter()
            w = np.where(np.array(sources) == "poleval", 1.0, extra_weight)
            cv = training.cross_validate(prepared, np.array(labels), w, sources,
                                         config=config, C=C, class_weight=class_weight,
                                         seeds=seeds)
            d = cv["detector"]
            print(f"{name:42s} {d['f1']:6.3f} {d['precision']:6.3f} {d['recall']:6.3f}  "
                  f"{cv['model_only_best']['f1']:18.3f}  {cv['extra']['f1']:8.3f}"
                  f"{cv['extra']['precision']:6.3f}{cv['extra']['recall']:6.3f}"
                  f"   ({time.perf_counter() - started:.0f} s)", flush=True)
        print()

    output = Path(args.output)
    path = training.train(texts, labels, weights=weights, sources=sources, output=output,
                          version=args.version, seeds=seeds,
                          description={
                              "poleval2019_task6_train": sources.count("poleval"),
                              "poleval2019_task6_train_harmful":
                                  sum(labels[:sources.count("poleval")]),
                              "project_examples": sources.count("extra"),
                              "project_examples_harmful":
                                  sum(labels[sources.count("poleval"):]),
                              "extra_weight": training.EXTRA_WEIGHT,
                              "source": "PolEval 2019 Task 6 train split (train.tsv), "
                                        "ratusz/triage/data/harmful-extra.jsonl"},
                          log=lambda message: None)
    licence = Path(args.data).with_name("LICENSE.txt")
    if licence.exists():
        shutil.copyfile(licence, output / "POLEVAL-LICENSE.txt")
    meta = json.loads(path.read_text(encoding="utf-8"))
    cv = meta["cross_validation"]
    print(f"Wrote {path} and {path.with_suffix('.npz')} "
          f"({path.with_suffix('.npz').stat().st_size / 1e6:.1f} MB), version {meta['version']}")
    print(f"Threshold (decision value): {meta['threshold']:.4f}, chosen for positives "
          f"{cv['prevalence_shift']}x as frequent as in training")
    for key in ("detector", "detector_at_shifted_prevalence", "model_only_at_threshold",
                "model_only_best", "lexicon_only", "extra"):
        print(f"  {key:32s} {json.dumps(cv[key])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

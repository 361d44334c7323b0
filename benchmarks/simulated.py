"""Strategies against the simulated strong model, at several noise levels.

    python benchmarks/simulated.py --texts ../shared/corpus/articles.jsonl ../shared/corpus/gold-dev.jsonl
    python benchmarks/simulated.py --texts examples/corpus/unseen.jsonl examples/corpus/unseen-gold.jsonl \
        --texts examples/corpus/unseen2.jsonl examples/corpus/unseen2-gold.jsonl

For each labelled set given (articles JSONL, gold JSONL; only ids with gold are read)
and each noise level, prints per strategy: F1, precision, recall, model calls per
article and prompt tokens per article (the simulated model counts a token per four
characters of the request), and the accuracy of status, fee, selling club and sources
over matched rumours. ``raw`` scores the simulated answers themselves, before any of
rumourx's checks (one call per article on the whole text). ``rules`` asks no model,
so its row is the same at every noise level.

``--chunk-chars`` reads articles in smaller chunks, to exercise the chunk mistakes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rumourx import Extractor, Settings
from rumourx.core.model import ModelRequest
from rumourx.evaluation.scoring import Score, score_article
from rumourx.simulation import LabelledText, SimulatedModel, load_labelled
from rumourx.strategies.llm import LLMExtraction

STRATEGIES = ("raw", "rules", "llm", "ensemble")
FIELDS = ("status", "fee_amount", "from_club", "sources")


def _raw(model: SimulatedModel, item: LabelledText) -> list[dict[str, Any]]:
    """The simulated answer for the whole text, as rumours, with no checks at all."""
    request: ModelRequest[Any] = ModelRequest(
        messages=[{"role": "user", "content": f"Article:\n<<<\n{item.text}\n>>>"}],
        response_model=LLMExtraction,
    )
    answer = model._answer(request)  # the answer as sent, before validation
    rumours = []
    for r in answer["rumours"]:
        amount = r.get("fee_amount")
        amount = amount if isinstance(amount, (int, float)) else None  # text is not a figure
        fee = {"amount": amount, "currency": r.get("fee_currency")} if amount else None
        rumours.append({**r, "fee": fee})
    return rumours


def run(
    texts: list[LabelledText], strategy: str, noise: float, settings: Settings
) -> tuple[Score, float, float]:
    model = SimulatedModel(texts, noise=noise)
    total = Score()
    calls = tokens = 0
    extractor = None
    if strategy not in ("raw",):
        extractor = Extractor(settings.model_copy(update={"strategy": strategy}), model=model)
    for item in texts:
        if extractor is None:
            predicted = _raw(model, item)
            calls += 1
        else:
            report = extractor.extract(item.text)
            predicted = [r.model_dump(mode="json") for r in report.rumours]
            calls += report.usage.calls
            tokens += report.usage.prompt_tokens
        total += score_article(list(item.rumours), predicted, article_id=item.id)
    if model.unknown:
        print(f"  warning: {model.unknown} request(s) matched no labelled text", file=sys.stderr)
    return total, calls / len(texts), tokens / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--texts", nargs=2, action="append", required=True, metavar=("ARTICLES", "GOLD")
    )
    parser.add_argument("--noise", type=float, nargs="+", default=[0.0, 0.25, 0.5, 0.75])
    parser.add_argument("--strategies", nargs="+", default=list(STRATEGIES), choices=STRATEGIES)
    parser.add_argument("--chunk-chars", type=int, default=6000)
    parser.add_argument("--chunk-overlap", type=int, default=400)
    args = parser.parse_args()
    texts: list[LabelledText] = []
    for articles, gold in args.texts:
        texts.extend(load_labelled(Path(articles), Path(gold)))
    gold_moves = sum(len(t.rumours) for t in texts)
    print(f"{len(texts)} texts, {gold_moves} gold rumours; chunk {args.chunk_chars} chars")
    settings = Settings(
        api_key="simulated",
        model="simulated",
        chunk_chars=args.chunk_chars,
        chunk_overlap=args.chunk_overlap,
    )
    header = f"{'noise':>5} {'strategy':<9} {'F1':>5} {'P':>5} {'R':>5} {'calls/art':>9} {'tokens/art':>10}  "
    print(header + " ".join(f"{f:>10}" for f in FIELDS))
    for noise in args.noise:
        for strategy in args.strategies:
            score, calls, tokens = run(texts, strategy, noise, settings)
            fields = " ".join(f"{score.accuracy(f):>10.2f}" for f in FIELDS)
            print(
                f"{noise:>5.2f} {strategy:<9} {score.f1:>5.3f} {score.precision:>5.3f} "
                f"{score.recall:>5.3f} {calls:>9.2f} {tokens:>10.0f}  {fields}",
                flush=True,
            )


if __name__ == "__main__":
    main()

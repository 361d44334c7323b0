"""A simulated strong model, for measuring strategies where no capable model is at hand.

:class:`SimulatedModel` answers each labelled text from its gold labels, with seeded
mistakes of the kinds strong models make, at a noise level from 0 (perfect) to 1.
Use it to compare strategies on your own labelled articles::

    from rumourx import Extractor, Settings
    from rumourx.simulation import SimulatedModel, load_labelled

    texts = load_labelled("articles.jsonl", "gold.jsonl")
    model = SimulatedModel(texts, noise=0.5)
    report = Extractor(Settings(strategy="ensemble"), model=model).extract(texts[0].text)

``benchmarks/simulated.py`` in the repository prints the comparison table.
"""

from rumourx.simulation.labelled import LabelledText, TextIndex, load_labelled
from rumourx.simulation.model import SimulatedModel

__all__ = ["LabelledText", "SimulatedModel", "TextIndex", "load_labelled"]

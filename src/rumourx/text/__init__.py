"""Article text: input checks, HTML reduction, sentences, sections, chunks, grounding."""

"""Rumour stories: reports merged across articles, with the probability the move happens.

Example:
    >>> from rumourx import extract_many
    >>> from rumourx.stories import build_stories
    >>> articles = [
    ...     {"id": "a", "published": "2021-06-01",
    ...      "text": "Arsenal are in talks with Lyon over Houssem Aouar, Sky Sports reports."},
    ...     {"id": "b", "published": "2021-06-20",
    ...      "text": "Arsenal have agreed a £30m fee with Lyon for midfielder Aouar, "
    ...              "the Athletic reports."},
    ... ]
    >>> [story] = build_stories(extract_many(articles))
    >>> story.player, story.to_club, story.status.value, story.articles, story.corroboration
    ('Houssem Aouar', 'Arsenal', 'agreed', ['a', 'b'], 2)
    >>> page = story_page([story])  # one self-contained HTML page: the story as a timeline
    >>> page.count('<li class="entry')
    2
"""

from rumourx.stories.building import build_stories, iter_stories
from rumourx.stories.model import Contradiction, Factor, Story, StoryOutlet, TimelineEntry
from rumourx.stories.page import StoryPageWriter, story_page
from rumourx.stories.probability import ProbabilityModel, load_probability_model
from rumourx.stories.reports import ReadSummary

__all__ = [
    "Contradiction",
    "Factor",
    "ProbabilityModel",
    "ReadSummary",
    "Story",
    "StoryOutlet",
    "StoryPageWriter",
    "TimelineEntry",
    "build_stories",
    "iter_stories",
    "load_probability_model",
    "story_page",
]

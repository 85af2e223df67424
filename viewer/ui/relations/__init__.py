"""The relationship panel: the graph as of the cursor (or between two dates), its history and table."""

from viewer.ui.relations.tools import RelationsTools, contribute

__all__ = ["RelationsTools", "contribute"]

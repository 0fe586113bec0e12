"""YAML for files written by hand or by strangers: no anchors or aliases, no duplicate keys.

Aliases are refused outright because a few hundred bytes of nested aliases expand to
gigabytes once constructed (a "billion laughs"); no article or annotation needs them.
"""

from __future__ import annotations

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that stops at the first anchor (&name) or alias (*name)."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed: write the value out", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise ComposerError(None, None, f"anchors (&{event.anchor}) are not allowed: write the value out", event.start_mark)
        return super().compose_node(parent, index)


class StrictLoader(NoAliasLoader):
    """No aliases, and a key given twice in one mapping is an error (not last-wins)."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:  # an unhashable key; the base class reports it
                break
            if duplicate:
                raise ConstructorError(None, None, f"duplicate key {key!r}: the later value would silently win",
                                       key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                             lambda loader, node: loader.construct_mapping(node))


def load_strict(text: str):
    """Parse one YAML document with :class:`StrictLoader`."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()

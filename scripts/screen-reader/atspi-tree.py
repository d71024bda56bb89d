#!/usr/bin/python3
"""Prints the web page's accessibility tree, as AT-SPI exposes it to Orca, as JSON.

Orca guesses a label from nearby text when a control has none, so a transcript
alone can hide a missing label. This lists what the browser really exposes:
every node's role, accessible name, language (of its text, as Orca
reads it) and a few states, in document
order with its depth, shadow DOM included (AT-SPI knows no shadow roots).

Usage: atspi-tree.py firefox|chromium
"""
import json
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

MAX_NODES = 4000
STATES = {
    Atspi.StateType.FOCUSED: "focused",
    Atspi.StateType.CHECKED: "checked",
    Atspi.StateType.EXPANDED: "expanded",
    Atspi.StateType.REQUIRED: "required",
    Atspi.StateType.INVALID_ENTRY: "invalid",
    Atspi.StateType.SELECTED: "selected",
    Atspi.StateType.PRESSED: "pressed",
}


def find_document(node, depth=0):
    """The first document-web node below the browser's application node."""
    if depth > 30 or node is None:
        return None
    try:
        if node.get_role() == Atspi.Role.DOCUMENT_WEB:
            return node
        for index in range(node.get_child_count()):
            found = find_document(node.get_child_at_index(index), depth + 1)
            if found is not None:
                return found
    except Exception:  # a node can vanish while we walk
        return None
    return None


def text_language(node):
    """The language of a node's text as Orca reads it: the text attribute
    "language" at its start (Firefox and Chromium both give it there; it is
    what Orca asks a voice for), or None for nodes without text."""
    try:
        text = node.get_text_iface()
        if text is None or Atspi.Text.get_character_count(text) == 0:
            return None
        attributes = Atspi.Text.get_text_attributes(text, 0)
        attributes = attributes[0] if isinstance(attributes, tuple) else attributes
        return (attributes or {}).get("language")
    except Exception:
        return None


def describe(node, depth, out):
    if len(out) >= MAX_NODES:
        return
    try:
        role = node.get_role_name()
        name = node.get_name() or ""
        attributes = node.get_attributes() or {}
        states = node.get_state_set()
        entry = {"depth": depth, "role": role, "name": name}
        description = node.get_description()
        if description:
            entry["description"] = description
        lang = text_language(node) or attributes.get("language") or node.get_object_locale()
        # Chromium gives its own process locale ("C.UTF-8") as every node's locale.
        if lang and not lang.startswith("C"):
            entry["lang"] = lang
        for key in ("level", "live", "container-live", "tag", "xml-roles", "id"):
            if key in attributes:
                entry[key] = attributes[key]
        flags = [label for state, label in STATES.items() if states.contains(state)]
        if flags:
            entry["states"] = flags
        out.append(entry)
        for index in range(node.get_child_count()):
            child = node.get_child_at_index(index)
            if child is not None:
                describe(child, depth + 1, out)
    except Exception:
        return


def main():
    wanted = sys.argv[1].lower() if len(sys.argv) > 1 else "firefox"
    desktop = Atspi.get_desktop(0)
    document = None
    for index in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(index)
        if app is None:
            continue
        name = (app.get_name() or "").lower()
        if wanted in name or (wanted == "chromium" and "chrom" in name):
            document = find_document(app)
            if document is not None:
                break
    if document is None:
        print(f"no web document of {wanted} on the accessibility bus", file=sys.stderr)
        sys.exit(2)
    out = []
    describe(document, 0, out)
    json.dump(out, sys.stdout, ensure_ascii=False)


main()

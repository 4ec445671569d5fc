#pragma once
// Entity labels in a chosen language.
//
// The graph gives each entity one canonical rdfs:label: the short English name of a state, the
// English full name of an organization, the English name of a place (DESIGN.md, keys), a
// language-neutral reference for resolutions, persons and dates. Every surface form a report
// used is a skos:altLabel tagged with the report's language. A label in language L is therefore,
// in order: a skos:prefLabel or rdfs:label tagged L, if the store has one; the canonical label
// if it is already in L or neutral; the best skos:altLabel tagged L (states, organizations,
// places); the canonical label.
#include <string>
#include <vector>

#include "diplograph/graph/projection.h"
#include "diplograph/graph/store.h"

namespace diplograph::exporter {

// The language of the report the view comes from, when every entity in it comes from one
// report ("fr" for the trace of a resolution cited by one French report); "en" when the view
// draws on several reports, whose canonical labels are the common ground.
std::string defaultLanguage(const graph::Store& store, const graph::EntityGraph& view);

// Replaces each vertex's label by its label in `language` (see above).
void relabel(graph::EntityGraph& view, const graph::Store& store, const std::string& language);

// Among surface forms, the one to show: not all capitals (a heading or an acronym) if another
// form is; then the shortest for a state or place, the longest for an organization, as the
// canonical labels are; ties by code point order. "" if `forms` is empty.
std::string bestSurfaceForm(const std::vector<std::string>& forms, const std::string& type);

}  // namespace diplograph::exporter

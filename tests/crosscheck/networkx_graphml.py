"""Reads a GraphML file with networkx (an independent reader) and prints what it found as JSON:
node and edge counts, how many nodes lack a type or label, the node types, and each node's
betweenness centrality on the graph taken as simple and undirected (networkx's unnormalised
figure), keyed by the node's `iri` attribute.

Usage: python3 networkx_graphml.py GRAPH.graphml
"""
import json
import sys

import networkx

graph = networkx.read_graphml(sys.argv[1])
nodes = graph.nodes(data=True)
betweenness = networkx.betweenness_centrality(networkx.Graph(graph.to_undirected()), normalized=False)
print(json.dumps({
    "directed": graph.is_directed(),
    "nodes": graph.number_of_nodes(),
    "edges": graph.number_of_edges(),
    "without_type": sum(1 for _, data in nodes if not data.get("type")),
    "without_label": sum(1 for _, data in nodes if not data.get("label")),
    "types": sorted({data.get("type", "") for _, data in nodes}),
    "labels": sorted(data.get("label", "") for _, data in nodes),
    "edge_counts": sorted({type(data.get("count")).__name__ for _, _, data in graph.edges(data=True)}),
    "betweenness": {data["iri"]: betweenness[node] for node, data in nodes},
}, ensure_ascii=False))
